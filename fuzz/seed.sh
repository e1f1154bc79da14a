#!/usr/bin/env bash
# Seeds each target's corpus from the crate's fixtures (our own content, in the site's shapes).
set -euo pipefail
cd "$(dirname "$0")"
for target in front_door listing_html paper_html api_json normalizers text; do
    mkdir -p "corpus/$target"
done
cp ../fixtures/*.html ../fixtures/*.json corpus/front_door/
cp ../fixtures/*.html corpus/listing_html/
cp ../fixtures/*.html corpus/paper_html/
cp ../fixtures/*.json corpus/api_json/
cp ../fixtures/*.txt ../fixtures/*.md corpus/front_door/
cp ../fixtures/*.txt ../fixtures/*.md corpus/text/
for s in 2607.01234 "arXiv:2503.02130v2" "https://arxiv.org/pdf/2503.02130v1.pdf" "math.GT/0309136" \
         "1,056" "1.2k" "-" "2026-07-02T00:00:00.000Z" "Published on Mar 14" "Title\n  wrapped &amp;quot;x&amp;quot;"; do
    printf '%s' "$s" > "corpus/normalizers/$(printf '%s' "$s" | md5sum | cut -c1-12)"
done
echo "seeded: $(ls corpus/*/ | grep -vc ':$') files"
