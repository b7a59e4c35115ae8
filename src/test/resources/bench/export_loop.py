#!/usr/bin/env python3
"""The community thread's export, as its scripts do it: the v1 managed-accounts list, one page after another
(each request waits for the answer before it), every account kept in a list, then one CSV written.
Python's standard library only.  usage: export_loop.py BASE_URL ORG_ID OUT.csv  (key in ORGSHELL_API_KEY)"""
import csv
import json
import os
import sys
import urllib.request

base, org, out = sys.argv[1], sys.argv[2], sys.argv[3]
headers = {"Authorization": "Bearer " + os.environ["ORGSHELL_API_KEY"], "Accept": "application/json"}
url = base + "/admin/v1/orgs/" + org + "/users"
users = []
pages = 0
while url:
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as resp:
        page = json.load(resp)
    pages += 1
    users.extend(page.get("data", []))
    url = (page.get("links") or {}).get("next")

columns = ["account_id", "email", "name", "account_status", "account_type", "access_billable", "last_active",
           "product_access"]
with open(out, "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(columns)
    for u in users:
        products = "; ".join(p.get("key", "") + (" (" + p["last_active"] + ")" if p.get("last_active") else "")
                             for p in u.get("product_access") or [])
        w.writerow([u.get("account_id"), u.get("email"), u.get("name"), u.get("account_status"),
                    u.get("account_type"), u.get("access_billable"), u.get("last_active"), products])
print("exported %d accounts in %d pages" % (len(users), pages))
