package extract

import (
	"strconv"
	"strings"
)

// refNumber returns the number a block of a list of references opens with ("[12] …",
// "12. …"), when the block reads as a citation: a year, and authors or parts set off by
// two commas or more; 0 when it does not.
func refNumber(b *Block) int {
	if b.Node == nil || b.Kind != BlockPara && b.Kind != BlockItem || strings.Count(b.Text, ",") < 2 {
		return 0
	}
	m := reRefNumber.FindStringSubmatch(b.Text)
	if m == nil || !reRefYear.MatchString(b.Text) {
		return 0
	}
	d := m[1] + m[2]
	n, _ := strconv.Atoi(d)
	return n
}

// referenceLists keeps the entries of a list of references that closes a paper or a
// report: three or more citations in a row, numbered upwards ([1], [2] … or 1., 2. …),
// each with its year and its authors set off by commas, right after the body (its
// "References" heading, or an entry the quality pass kept). Each entry links to its
// source, so the link-list rule drops it, and the last ones fall past the region's end;
// but a reader of the paper reads them as its text. A list of other stories has no
// authors and years in every line, nor numbers counting up from the body's last block.
func referenceLists(blocks []*Block) {
	for i := 0; i < len(blocks); {
		if refNumber(blocks[i]) == 0 {
			i++
			continue
		}
		j, last, items := i, 0, 0
		for j < len(blocks) {
			if blocks[j].Kind == BlockImage {
				j++
				continue
			}
			n := refNumber(blocks[j])
			if n == 0 || n <= last {
				break
			}
			last, items = n, items+1
			j++
		}
		p := nearestJudged(blocks, i, -1)
		if p != nil && p.Class == ClassGood && items >= referenceListMinItems {
			for _, b := range blocks[i:j] {
				if b.Class != ClassBad || b.pinned || isMetaRole(b) || b.Kind == BlockImage {
					continue
				}
				switch b.CFRule {
				case ruleLinkList, ruleShort, ruleNearProse, ruleLowQuality:
					b.judge(ClassGood, ruleReferenceList)
				}
			}
		}
		i = j
	}
}
