"""Checks on what pages say, link to and show.

`content` walks a page's texts, images and links; `publishing` holds the problems that refuse publishing;
`warnings` the ones an editor is told about but may publish with.
"""
