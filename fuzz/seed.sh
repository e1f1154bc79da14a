#!/usr/bin/env bash
# Seeds each target's corpus from the crate's fixtures (our own content, in the site's shapes).
set -euo pipefail
cd "$(dirname "$0")"
for target in front_door listing_html paper_html api_json normalizers text props_json; do
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
# props_json: every data-props value of the fixture pages, raw (references undecoded), and
# short JSON texts written the ways an attribute holds them.
perl -0777 -MDigest::MD5=md5_hex -ne '
    while (/data-props=(["\x27])(.*?)\1/gs) {
        open(my $out, ">", "corpus/props_json/" . substr(md5_hex($2), 0, 12)) or die;
        print $out $2;
    }' ../fixtures/*.html
for s in '{&quot;a&quot;:1}' '{"a": "b", "c" : [ 1 , 2 ] }' '[1,-2,0,-0,true,false,null,{},[]]' \
         '{&quot;a&quot;:&quot;it&#39;s &lt;b&gt; &eacute; &amp;quot; &#x27; &#233;&quot;}' \
         '{&quot;a&quot;:&quot;\&quot;q\&quot; \\ \/ \b\f\n\r\t \u00e9\ud83d\ude00&quot;}' \
         '{&quot;a&quot;:[12.0,0.75,-3.25,1.5e3,1E-2,0.1,123456.789,18446744073709551615,-9223372036854775808]}' \
         '{&quot;a&quot;:&quot;AT&T &c; &amp &ampx &#0; &#xD800; &#x110000;&quot;}' \
         '{&quot;dailyPapers&quot;:[{&quot;paper&quot;:{&quot;id&quot;:&quot;2607.01234&quot;,&quot;upvotes&quot;:12.0,&quot;authors&quot;:[{&quot;name&quot;:&quot;A &amp; B&quot;}]},&quot;numComments&quot;:0}],&quot;dateString&quot;:&quot;2026-07-02&quot;,&quot;periodType&quot;:&quot;day&quot;,&quot;query&quot;:{&quot;q&quot;:null},&quot;isTrending&quot;:true}' \
         '{&quot;paper&quot;:{&quot;id&quot;:&quot;2607.01234&quot;},&quot;comments&quot;:[{&quot;data&quot;:{}}],&quot;upvoters&quot;:[],&quot;upvoted&quot;:false,&quot;dailyPaperRank&quot;:-1}' \
         '{&quot;searchResults&quot;:5,&quot;score&quot;:1.5e-3,&quot;dateString&quot;:[&quot;x&quot;]}'; do
    printf '%s' "$s" > "corpus/props_json/$(printf '%s' "$s" | md5sum | cut -c1-12)"
done
# Nesting at serde_json's limit (127 levels read, 128 refused), in a value and in one a wire
# field skips (serde_json skips without a limit).
for n in 127 128; do
    open=$(printf '[%.0s' $(seq "$n")); close=$(printf ']%.0s' $(seq "$n"))
    printf '%s' "$open$close" > "corpus/props_json/nest-$n"
    printf '{&quot;dateString&quot;:%s1%s}' "$open" "$close" > "corpus/props_json/nest-key-$n"
done
echo "seeded: $(ls corpus/*/ | grep -vc ':$') files"
