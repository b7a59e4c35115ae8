#!/usr/bin/env bash
# A report from orgshell's --json output, with nothing but bash, grep and sed (no jq needed).
# Run from anywhere:  scripts/examples/json-report.sh
# Each command prints one JSON document on standard output, one field per line, so a plain field reads with sed;
# messages and errors go to standard error, and a failing command exits non-zero with nothing on standard output.
# Strings keep their JSON escapes (a control character in a name stays \u001B): use a JSON parser to decode them.
# This example runs each command on the embedded sandbox org; drop --sandbox to ask your own org instead.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
orgshell="${ORGSHELL:-$root/scripts/orgshell}"

# the value of every "FIELD": "text" line of a document
field() {
  sed -n "s/^ *\"$1\": \"\\(.*\\)\",\\{0,1\\}\$/\\1/p"
}

status="$("$orgshell" --sandbox status --json)"
echo "organization: $(printf '%s\n' "$status" | field name)"
echo "key:          $(printf '%s\n' "$status" | field api_key_fingerprint)"

domains="$("$orgshell" --sandbox domains list --json | field name)"
echo "verified domains ($(printf '%s\n' "$domains" | grep -c .)):"
printf '  %s\n' $domains

found="$("$orgshell" --sandbox users find Hopper --json)"
more=""
if printf '%s\n' "$found" | grep -q '^  "more": true'; then more=" (the first ones: there are more)"; fi
echo "accounts named Hopper: $(printf '%s\n' "$found" | grep -c '"account_id":')$more"
