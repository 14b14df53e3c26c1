from tests.test_fuzz import *  # noqa

def test_nul(listings, public_paths):
    c = Client(raise_request_exception=False)
    for url, names, valid in listings:
        for name in names:
            for v in ["%00", "a%00b", "%C0%80"]:
                r = c.get(url, QUERY_STRING=f"{name}={v}")
                print(url, name, v, r.status_code)
    for p in public_paths[:5] + ["/search/"]:
        r = c.get(p + "%00/")
        print(p + "%00/", r.status_code)
