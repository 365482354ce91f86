package extract

import (
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// Prose written for these tests, in languages the merged list covers thinly or not at all.
var langProse = map[string]string{
	"vi": "Hôm nay tôi đã đi chợ với mẹ và chúng tôi mua rất nhiều rau cho cả gia đình. Sau đó chúng tôi về nhà để nấu bữa trưa, rồi cả nhà cùng ăn với nhau.",
	"tr": "Dün akşam arkadaşlarımla birlikte sahilde uzun bir yürüyüş yaptık ve denizin sesini dinledik. Hava biraz serindi ama yine de bizim için çok güzel bir geceydi.",
	"ar": "ذهبت أمس إلى السوق مع أخي واشترينا بعض الفواكه والخضار من أجل العشاء. كان الجو جميلا جدا ولذلك مشينا إلى البيت ولم نركب السيارة.",
	"id": "Kemarin saya pergi ke pasar bersama ibu untuk membeli sayur dan buah. Setelah itu kami pulang ke rumah dan memasak makan siang yang sangat enak bersama adik.",
	"ro": "Ieri am mers cu fratele meu la piață și am cumpărat câteva fructe pentru cină. Vremea a fost foarte frumoasă, așa că ne-am întors acasă pe jos și nu cu mașina.",
}

func stopDensity(text string, sl *stopList) float64 {
	b := &Block{Kind: BlockPara, Text: text}
	blockFeaturesList(b, sl)
	return b.StopDensity
}

// With the list of its language, prose in a language the merged list covers thinly has
// the stop density of prose; the merged list alone leaves it well under.
func TestStopListOfLanguage(t *testing.T) {
	for lang, text := range langProse {
		alone := stopDensity(text, stopDefault)
		with := stopDensity(text, stopListFor(lang))
		t.Logf("%s: %.2f with the merged list, %.2f with its own", lang, alone, with)
		if with < stopwordsHigh {
			t.Errorf("%s: stop density %.2f with its list, want ≥ %.2f", lang, with, stopwordsHigh)
		}
		if with < alone {
			t.Errorf("%s: stop density %.2f with its list, below %.2f with the merged list alone", lang, with, alone)
		}
	}
	if d := stopDensity(langProse["vi"], stopDefault); d >= stopwordsLow {
		t.Errorf("vi: stop density %.2f with the merged list alone: the test shows nothing", d)
	}
}

// The language's list joins the merged list: a word of either is a stop word, and no other.
func TestStopListJoinsMergedList(t *testing.T) {
	sl := stopListFor("tr")
	want := stopLangWords("tr")
	for w := range stopLatin {
		want[w] = true
	}
	for w := range want {
		for _, v := range []string{w, strings.ToUpper(w), title(w)} {
			if strings.ToLower(v) != w {
				continue
			}
			if !sl.isStop(v) {
				t.Errorf("isStop(%q) = false, want true", v)
			}
		}
	}
	for _, w := range []string{"deniz", "sahil", "Ankara", "yürüyüşçülerimizden", "x", "the-end", "ＡＢＣ"} {
		if got := sl.isStop(w); got != want[strings.ToLower(w)] {
			t.Errorf("isStop(%q) = %v, want %v", w, got, !got)
		}
	}
	if stopListFor("tr") != sl {
		t.Error("stopListFor made the Turkish list twice")
	}
	if stopListFor("xx") != stopDefault || stopListFor("") != stopDefault || stopListFor("ko") != stopDefault {
		t.Error("a language with no list of its own gets more than the merged list")
	}
	for lang := range mergedLangs {
		if stopListFor(lang) != stopDefault {
			t.Errorf("%s, a language of the merged list, gets a list of its own", lang)
		}
	}
}

func TestDetectStopLang(t *testing.T) {
	for lang, text := range langProse {
		// twice the text: enough words for detectMinHits
		blocks := []*Block{{Text: text}, {Text: text}}
		if got := detectStopLang(blocks); got != lang {
			t.Errorf("detectStopLang(%s prose) = %q", lang, got)
		}
	}
	if got := detectStopLang([]*Block{{Text: "Home News Sport Weather"}}); got != "" {
		t.Errorf("detectStopLang(a menu) = %q, want none", got)
	}
	if got := detectStopLang(nil); got != "" {
		t.Errorf("detectStopLang(nothing) = %q, want none", got)
	}
}

func TestPageLangCode(t *testing.T) {
	for in, want := range map[string]string{"pt-BR": "pt", "EN_us": "en", " tr ": "tr", "nb-NO": "no", "nn": "no", "iw": "he", "in": "id", "vi": "vi", "": ""} {
		if got := pageLangCode(in); got != want {
			t.Errorf("pageLangCode(%q) = %q, want %q", in, got, want)
		}
	}
}

// The page's lang picks the list; without one, the words do; Korean keeps the merged list.
func TestDocStopList(t *testing.T) {
	blocks := []*Block{{Text: langProse["vi"]}, {Text: langProse["vi"]}}
	if got := docStopList(&Document{Blocks: blocks}); got != stopListFor("vi") {
		t.Error("a Vietnamese page without lang does not get the Vietnamese list")
	}
	if got := docStopList(&Document{Blocks: blocks, Meta: Meta{Lang: "ro-RO"}}); got != stopListFor("ro") {
		t.Error("a page with lang=ro-RO does not get the Romanian list")
	}
	if got := docStopList(&Document{Blocks: blocks, Hangul: true}); got != stopDefault {
		t.Error("a Korean page gets a list of its own")
	}
}

// Every list is there, holds words, and names its source; every word is one the lookup
// can find (lower case, no spaces, no longer than a lowerSet holds).
func TestStopListFiles(t *testing.T) {
	if len(stopLangs) < 40 {
		t.Fatalf("%d stop lists, want the stopwords-iso languages", len(stopLangs))
	}
	readme, err := os.ReadFile("words/stoplists/README.md")
	if err != nil || !strings.Contains(string(readme), "MIT") || !strings.Contains(string(readme), "stopwords-iso") {
		t.Errorf("words/stoplists/README.md does not name the lists' source and licence (%v)", err)
	}
	for _, lang := range stopLangs {
		b, err := stopListFiles.ReadFile("words/stoplists/" + lang + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(b), "# stopwords-iso") {
			t.Errorf("%s.txt does not name its source on its first line", lang)
		}
		words := stopLangWords(lang)
		if len(words) < 20 {
			t.Errorf("%s.txt holds %d words", lang, len(words))
		}
		for w := range words {
			if strings.ToLower(w) != w || len(w) > maxLowerWord || trimPunct(w) != w {
				t.Errorf("%s.txt: %q cannot be found", lang, w)
			}
		}
	}
}

// title upper-cases the first letter of w.
func title(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[n:]
}

// Words of a script without case are not capitalised: they count with the lower-case
// words, while capitalised words and Han or Kana do not.
func TestLowerShareCaseless(t *testing.T) {
	for _, tt := range []struct {
		text string
		want float64
	}{
		{"मैंने कल बाज़ार से कुछ फल खरीदे।", 1},
		{"ذهبت أمس إلى السوق", 1},
		{"Home News Sport Weather", 0},
		{"the ferry sailed Tuesday", 0.75},
		{"東京 大阪", 0},
	} {
		if got := lowerShare(tt.text); got != tt.want {
			t.Errorf("lowerShare(%q) = %.2f, want %.2f", tt.text, got, tt.want)
		}
	}
}

// A paragraph in a caseless script with no stop list of its own is prose by its shape:
// sentences of lower-case (caseless) words ending in the script's full stop.
func TestQualityCaselessWithoutList(t *testing.T) {
	text := "मैंने कल शाम अपने भाई के साथ बाज़ार जाकर रात के खाने के लिए कुछ फल और सब्ज़ियाँ खरीदीं। मौसम बहुत अच्छा था इसलिए हम दोनों पैदल ही घर वापस आए और रास्ते में बातें करते रहे।"
	b := &Block{Kind: BlockPara, Text: text}
	blockFeatures(b)
	b.StopDensity = 0 // as for a language no list covers
	if got, rule := quality(b); got == ClassBad || got == ClassShort {
		t.Errorf("quality(caseless prose, no stop words) = %v (%s), want near-good or good", got, rule)
	}
	menu := &Block{Kind: BlockPara, Text: "मुख्य पृष्ठ समाचार खेल मौसम व्यापार मनोरंजन राजनीति शिक्षा स्वास्थ्य तकनीक"}
	blockFeatures(menu)
	menu.StopDensity = 0
	if got, rule := quality(menu); got != ClassBad && got != ClassShort {
		t.Errorf("quality(a caseless menu) = %v (%s), want bad", got, rule)
	}
	for _, end := range []string{"।", "॥", "։", "።", "။", "།", "៕"} {
		if !sentenceEnd("ab" + end) {
			t.Errorf("sentenceEnd(%q) = false", "ab"+end)
		}
	}
}

// The detection table holds every word of every list, marked with exactly the languages
// whose lists hold it, and reads the files as wordSet does.
func TestDetectTable(t *testing.T) {
	detect.once.Do(loadDetect)
	want := map[string]uint64{}
	for i, lang := range stopLangs {
		words := stopLangWords(lang)
		b, _ := stopListFiles.ReadFile("words/stoplists/" + lang + ".txt")
		n := 0
		eachListWord(string(b), func(w string) {
			n++
			if !words[w] {
				t.Errorf("%s: eachListWord reads %q, wordSet does not", lang, w)
			}
		})
		if n != len(words) {
			t.Errorf("%s: eachListWord reads %d words, wordSet %d", lang, n, len(words))
		}
		for w := range words {
			want[w] |= 1 << i
		}
	}
	if len(detect.set.words) != len(want) {
		t.Errorf("the table holds %d words, the lists %d", len(detect.set.words), len(want))
	}
	for w, m := range want {
		i := detect.set.index(w)
		if i < 0 {
			t.Errorf("the table lacks %q", w)
			continue
		}
		if detect.marks[i] != m {
			t.Errorf("%q marked %b, want %b", w, detect.marks[i], m)
		}
		if up := strings.ToUpper(w); strings.ToLower(up) == w && detect.set.index(up) != i {
			t.Errorf("%q not found upper-cased", w)
		}
	}
}

func BenchmarkLoadDetect(b *testing.B) {
	for b.Loop() {
		loadDetect()
	}
}
