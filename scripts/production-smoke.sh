#!/usr/bin/env bash
# Production as an operator runs it (README, "Deploying"): publish, migrate a new SQLite file, create the first administrator
# (password from SALAM_ADMIN_PASSWORD), start the published app, and check with curl that it serves its pages and every
# library file, hides the development SMS outbox, and lets the administrator sign in through the real form.
# Usage: scripts/production-smoke.sh [published folder]. Needs only the .NET SDK and curl. Exits non-zero, saying what failed, at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

work=$(mktemp -d)
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "production smoke: FAILED: $*"; [ -f "$work/app.log" ] && tail -n 40 "$work/app.log"; exit 1; }

app="${1:-}" # an already published folder may be given, to skip the publish
if [ -z "$app" ]; then
  app="$work/app"
  echo "production smoke: publishing to $app"
  dotnet publish "$repo/Salam.Web" -c Release -o "$app" -nologo -v quiet >"$work/publish.log" 2>&1 || { cat "$work/publish.log"; fail "dotnet publish"; }
fi

export ASPNETCORE_ENVIRONMENT=Production
export ConnectionStrings__Sqlite="Data Source=$work/data/salam.db"
# Only this script's nodes, never a proxy an operator's shell may name.
unset ASPNETCORE_URLS http_proxy https_proxy HTTP_PROXY HTTPS_PROXY
cd "$app"

# A start on a missing database is refused outside Development; migrate creates it only when told to.
if dotnet Salam.Web.dll migrate >"$work/migrate.log" 2>&1; then fail "migrate made a missing database without Database__CreateIfMissing"; fi
Database__CreateIfMissing=true dotnet Salam.Web.dll migrate || fail "migrate"
dotnet Salam.Web.dll migrate || fail "a second migrate"

password="smoke test $(date +%s) passphrase"
SALAM_ADMIN_PASSWORD="$password" dotnet Salam.Web.dll create-admin --user ops.admin --name "Smoke Operator" || fail "create-admin"
set +e
SALAM_ADMIN_PASSWORD="another $password" dotnet Salam.Web.dll create-admin --user ops.second >/dev/null 2>&1
status=$?
set -e
[ "$status" -eq 3 ] || fail "a second create-admin without --force answered $status, not 3"

ASPNETCORE_URLS=http://127.0.0.1:0 dotnet Salam.Web.dll >"$work/app.log" 2>&1 &
pid=$!
url=""
for _ in $(seq 90); do
  url=$(grep -o 'Now listening on: http://[0-9.:]*' "$work/app.log" | head -n 1 | sed 's/Now listening on: //' || true)
  [ -n "$url" ] && break
  kill -0 "$pid" 2>/dev/null || fail "the published app stopped at start"
  sleep 1
done
[ -n "$url" ] || fail "the published app did not start listening within 90 s"
echo "production smoke: the published app listens on $url"

expect() { # expect <status> <path>
  local got
  got=$(curl -s -o /dev/null -w '%{http_code}' "$url$2")
  [ "$got" = "$1" ] || fail "GET $2 answered $got, expected $1"
  echo "  GET $2 -> $got"
}
expect 200 /health
expect 200 /signin
expect 200 /_content/MudBlazor/MudBlazor.min.css
expect 200 /_framework/blazor.web.js
expect 404 /dev/sms
# Every stylesheet and script the sign-in page links (fingerprinted names included) is served.
for asset in $(curl -s "$url/signin" | grep -oE '(href|src)="[^"]+\.(css|js)"' | sed -E 's/^(href|src)="//; s/"$//'); do
  expect 200 "/${asset#/}"
done

# Sign in as the new administrator through the form, with its antiforgery token and cookie.
jar="$work/cookies"
sign_in() { # sign_in <password>: prints the status and redirect of the post
  local token
  token=$(curl -s -c "$jar" -b "$jar" "$url/signin" | grep -o 'name="__RequestVerificationToken" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//')
  [ -n "$token" ] || fail "no antiforgery token on /signin"
  curl -s -o "$work/answer.html" -w '%{http_code} %{redirect_url}' -c "$jar" -b "$jar" \
    --data-urlencode "_handler=staff" --data-urlencode "__RequestVerificationToken=$token" \
    --data-urlencode "Staff.UserName=ops.admin" --data-urlencode "Staff.Password=$1" "$url/signin"
}
wrong=$(sign_in "wrong $password")
# The form again with its message (400), not an antiforgery refusal (a 400 without the form).
[ "${wrong%% *}" = "400" ] && grep -q 'name="Staff.Password"' "$work/answer.html" || fail "a wrong password was answered with \"$wrong\", not the form again"
[ "$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "$url/admin")" = "302" ] || fail "/admin opened without a sign-in"
[ "$(sign_in "$password")" = "302 $url/" ] || fail "the administrator's sign-in did not redirect home"
# Production requires two-factor sign-in of administrators: the first sign-in reaches only the enrolment page.
case "$(curl -s -o /dev/null -w '%{redirect_url}' -b "$jar" "$url/admin")" in "$url/account/two-factor"*) ;; *) false ;; esac || fail "the administrator was not sent to two-factor enrolment"
curl -s -b "$jar" "$url/account/two-factor" | grep -q 'class="salam-key"' || fail "the enrolment page shows no authenticator key"
echo "  the administrator signed in and was held at two-factor enrolment"

echo "production smoke: passed"
