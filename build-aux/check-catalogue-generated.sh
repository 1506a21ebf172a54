#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-catalogue-generated.sh CLI SOURCE_ROOT
#
# The files generated from data/catalogue/catalogue.json must match it:
# data/catalogue/catalogue-strings.c (the texts xgettext sees) and
# docs/clinical-rules.md (the rules as people read them). Regenerate with
#   medspa-consult-cli catalogue --gettext-strings > data/catalogue/catalogue-strings.c
#   medspa-consult-cli catalogue --markdown > docs/clinical-rules.md
set -eu

cli=$1
top=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The generated files are in the catalogue's own words: English.
export LC_ALL=C.UTF-8 LANGUAGE=

status=0
check () {
  option=$1
  file=$2
  "$cli" catalogue "$option" > "$tmp/generated"
  if ! cmp -s "$tmp/generated" "$top/$file"; then
    echo "FAIL: $file is out of date with data/catalogue/catalogue.json;" >&2
    echo "      regenerate it with: medspa-consult-cli catalogue $option > $file" >&2
    diff -u "$top/$file" "$tmp/generated" | head -20 >&2 || true
    status=1
  else
    echo "ok: $file matches the catalogue"
  fi
}

check --gettext-strings data/catalogue/catalogue-strings.c
check --markdown docs/clinical-rules.md
exit $status
