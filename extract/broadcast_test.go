package extract

import (
	"strings"
	"testing"
)

func TestIsMarkerLine(t *testing.T) {
	marks := []string{
		"[앵커]", "[기자]", "[리포트]", "<앵커>", "<기자>", "〈앵커〉", "【 앵커멘트 】", "【 기자 】",
		"◀ 앵커 ▶", "◀앵커▶", "▶ 인터뷰", "▶ 인터뷰 : 홍길동 / 시민", "▶ 인터뷰(☎) : 홍길동 / 한빛시청 교통과장",
		"[인터뷰] 홍길동 / 시민", "[인터뷰 : 홍길동 / 시민]", "■ 녹취", "ANCHOR:", "REPORTER:",
		// the longest a mark with a speaker can be: markerMaxRunes
		"▶ 인터뷰 : 홍길동 / " + strings.Repeat("가", markerMaxRunes-len([]rune("▶ 인터뷰 : 홍길동 / "))),
	}
	for _, s := range marks {
		if !isMarkerLine(s) {
			t.Errorf("isMarkerLine(%q) = false, want true", s)
		}
	}
	not := []string{
		"▶ 한빛방송 유튜브 구독하기", "▶ 기자 구독하기", "▶ 관련기사 보기", "앵커", "기자",
		"ANCHOR: The council met tonight.", "Anchor:", "<저작권자 ⓒ 한빛방송>", "▶ 인터뷰 : 그는 이렇게 말했다. / 끝",
		"▶ 인터뷰 : 홍길동 / " + strings.Repeat("가", markerMaxRunes+1-len([]rune("▶ 인터뷰 : 홍길동 / "))),
		"",
	}
	for _, s := range not {
		if isMarkerLine(s) {
			t.Errorf("isMarkerLine(%q) = true, want false", s)
		}
	}
}
