"""Events: conferences, webinars, forum meetings and National Productivity Week, with calendar feeds."""
