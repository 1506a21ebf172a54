#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every .po file must compile with msgfmt --check, and po/es.po must
# translate every string the sources mark today: no untranslated and no
# fuzzy entry. The template is extracted afresh, so a string added to the
# code without a Spanish translation fails here, not in a clinic.
set -eu

top=${1:-$(dirname "$0")/..}
cd "$top"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

status=0
for po in po/*.po; do
  if ! msgfmt --check --output-file=/dev/null "$po"; then
    echo "FAIL: $po does not pass msgfmt --check" >&2
    status=1
  fi
done

# The same keywords as meson's i18n 'glib' preset (po/meson.build).
grep -v '^#' po/POTFILES.in | grep -v '^$' > "$tmp/POTFILES"
xgettext --files-from="$tmp/POTFILES" --directory=. --output="$tmp/fresh.pot" \
  --from-code=UTF-8 --add-comments=TRANSLATORS \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --package-name=medspa-consult

for lang in $(grep -v '^#' po/LINGUAS); do
  po="po/$lang.po"
  if [ ! -f "$po" ]; then
    echo "FAIL: $po is listed in po/LINGUAS but missing" >&2
    status=1
    continue
  fi
  msgmerge --quiet --no-fuzzy-matching --output-file="$tmp/$lang.po" "$po" "$tmp/fresh.pot"
  untranslated=$(msgattrib --untranslated --no-obsolete "$tmp/$lang.po" | grep -c '^msgid ' || true)
  fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$tmp/$lang.po" | grep -c '^msgid ' || true)
  # msgattrib prints the header entry (msgid "") whenever it prints anything.
  [ "$untranslated" -gt 0 ] && untranslated=$((untranslated - 1))
  [ "$fuzzy" -gt 0 ] && fuzzy=$((fuzzy - 1))
  if [ "$untranslated" -ne 0 ] || [ "$fuzzy" -ne 0 ]; then
    echo "FAIL: $po has $untranslated untranslated and $fuzzy fuzzy strings:" >&2
    msgattrib --untranslated --no-obsolete "$tmp/$lang.po" | grep -A1 '^msgid ' | head -40 >&2
    status=1
  else
    echo "ok: $po is complete"
  fi
done

exit $status
