#!/usr/bin/env bash
# Prints each failed test of the given JUnit reports with the first lines of its failure message; prints nothing when
# every test passed.
set -euo pipefail
[ "$#" -gt 0 ] || exit 0
awk '
  /<testcase / { match($0, /classname="[^"]*"/); cls = substr($0, RSTART + 11, RLENGTH - 12)
                 match($0, / name="[^"]*"/); name = substr($0, RSTART + 7, RLENGTH - 8) }
  /<failure/   { if (!header++) print "\nFAILED TESTS"
                 message = $0; sub(/.*<failure[^>]* message="/, "", message); sub(/".*/, "", message)
                 print "  " cls "." name ": " substr(message, 1, 600) }
' "$@" | sed 's/&quot;/"/g; s/&lt;/</g; s/&gt;/>/g; s/&#xA;/ | /g; s/&#xD;//g; s/&amp;/\&/g'
