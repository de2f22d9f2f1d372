#!/usr/bin/env bash
# Checks the example nginx configuration (docs/nginx/salam.conf) with `nginx -t`, with a throwaway self-signed
# certificate in place of the real one. Needs nginx (Debian: apt-get install nginx-light) and openssl; not run by CI.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v nginx >/dev/null || { echo "nginx is not installed (Debian: apt-get install nginx-light)"; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=salam.example.ir \
  -keyout "$work/privkey.pem" -out "$work/fullchain.pem" 2>/dev/null
sed "s#/etc/ssl/salam/#$work/#" docs/nginx/salam.conf > "$work/salam.conf"
cat > "$work/nginx.conf" <<EOF
pid $work/nginx.pid;
error_log stderr;
events {}
http {
    access_log off;
    client_body_temp_path $work/body;
    proxy_temp_path $work/proxy;
    include $work/salam.conf;
}
EOF
nginx -t -q -c "$work/nginx.conf" -p "$work" && echo "docs/nginx/salam.conf: nginx -t ok ($(nginx -v 2>&1))"
