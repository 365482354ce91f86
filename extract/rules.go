package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/artclean/artclean/extract/internal/scan"
)

// Rule is one named, context-free test for a kind of block. Rules are tried in order; the
// first that matches decides the block's context-free verdict.
type Rule struct {
	Name RuleName // shown by --explain and carried by every block it decides
	Kind string   // the kind of boilerplate (or metadata) it catches
	Desc string   // one line for `artclean rules`
	// Role is what a matching block becomes: RoleNone drops it; RoleDate, RoleByline and
	// RoleCaption keep it as metadata or caption, outside the body text.
	Role  Role
	match func(b *Block) bool
}

// RuleName names a rule: every verdict carries the name of the rule that made it
// (Block.Rule, Block.CFRule), and `artclean rules` lists them. Code refers to the
// built-in ones by their constants (ruleClassHint …), never by a string of its own.
type RuleName string

// Rules returns the built-in rules in the order they are tried, then the names of the
// rules of the quality and context passes.
func Rules() []Rule { return builtinRules }

// Thresholds, after jusText and the research notes; each a named constant.
// ruleMoreLink names the lone "Learn more" link under a card or section.
const ruleMoreLink RuleName = "more-link"

// ruleCommentPolicy names the comment-guidelines rule; its blocks end the article.
const ruleCommentPolicy RuleName = "comment-policy"

// commentPolicyMaxRunes and feedPromoMaxRunes bound the blocks the comment-policy and
// feed-promo rules drop: the longest paragraph of a comment policy, a one-line prompt.
const (
	commentPolicyMaxRunes = 500
	feedPromoMaxRunes     = 200
)

// ruleNewsletterPromo names the newsletter, follow-us and share-this-story prompt rule.
const ruleNewsletterPromo RuleName = "newsletter-promo"

const (
	// buttonLineMaxRest is the share of a line's runes that may remain once button words,
	// digits and punctuation are removed, for the line to count as a row of buttons.
	buttonLineMaxRest = 0.2
	// buttonLineMaxRunes is the longest line the button test looks at.
	buttonLineMaxRunes = 120
	// moreLinkMaxRunes is the longest block the more-link rule looks at: a label of a few
	// words and an arrow.
	moreLinkMaxRunes = 30
	// moreLinkMinDensity is the least link text of a more-link: the label is a link or a
	// button, not a heading that happens to read "Learn more".
	moreLinkMinDensity = 0.5
	// shortLineRunes is the longest line that can be a label, heading or ticker cell.
	shortLineRunes = 60
	// boilerMaxRunes is the longest block a copyright, tip or credit pattern may drop.
	boilerMaxRunes = 220
	// tickerNumericShare is the share of digits and sign characters that makes a short
	// line a ticker cell.
	tickerNumericShare = 0.4
	// maxLinkDensity is the link density above which a block is a link list (jusText 0.2;
	// a little looser since inline links are common in long body paragraphs).
	maxLinkDensity = 0.33
	// proseMaxLinkDensity is the link density a long paragraph of sentences may reach.
	proseMaxLinkDensity = 0.85
	// relatedPhraseMaxRunes is the longest heading that a related-list phrase with words
	// around it ("You may be interested in the following topics as well:") may be.
	relatedPhraseMaxRunes = 60
	// channelPromptMaxRunes is the longest line an invitation to a messenger channel may
	// be: a line or two, not a paragraph that reports on a channel.
	channelPromptMaxRunes = 160
	// pollMaxRunes is the longest line a poll's count of votes may be.
	pollMaxRunes = 30
)

var (
	reDateLineKo = regexp.MustCompile(`(입력|등록|기사입력|승인|게재|송고시간|송고|발행|작성|수정|업데이트|최종수정|기사수정|최종 수정|입력시간|수정시간)\s*:?\s*(\d{4})\s*[.\-/년]\s*(\d{1,2})\s*[.\-/월]\s*(\d{1,2})\s*일?\.?\s*(?:\(\s*)?(?:[월화수목금토일]\)?\s*)?(오전|오후|AM|PM|am|pm)?\s*(\d{1,2}):(\d{2})(?::(\d{2}))?`)
	reBylineKo   = regexp.MustCompile(`^(?:[\[(]\s*[가-힣]{1,6}\s*=\s*[^\])]{1,20}[\])]\s*)?(?:[가-힣A-Za-z]+\s)?([가-힣]{2,4})\s?(기자|특파원|선임기자|전문기자|인턴기자|객원기자|수습기자|논설위원|상임논설고문|논설고문|논설주간|주필|대기자|편집위원|앵커|PD|에디터|칼럼니스트|통신원)(?:$|[\s=(\[,·/|]|[A-Za-z0-9._%+-]+@)`)
	reEmail      = regexp.MustCompile(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}|[A-Za-z0-9._%+\-]+@(?:\s|$|\))`)
	// reCopyrightMark is a notice's mark or formula beside the bare word: a sign, a year,
	// reserved rights, protection, or the word capitalised as a notice starts.
	reCopyrightMark = regexp.MustCompile(`ⓒ|©|\(c\)|\b(?:19|20)\d\d\b|(?i:reserved|protected|무단|재배포|저작권|학습)|Copyright|COPYRIGHT`)
	// reDisclaimer: the formulas of a legal disclaimer under a financial, medical or
	// legal page (one formula each branch; isDisclaimer counts the distinct ones).
	reDisclaimer  = regexp.MustCompile(`(?i)informational purposes only|information purposes only|(?:tax|legal|financial|investment|medical|accounting)[\w, ]{0,40} advice|past performance is no guarantee|past performance does not guarantee|past performance is not (?:a guarantee|indicative)|consult (?:with )?(?:your own|a qualified|a licensed) |registered investment advis[oe]r|member finra|not (?:intended|meant) to (?:replace|substitute for|be a substitute for) |intended to diagnose, treat|keine anlageberatung|keine rechtsberatung|informationszwecken|à titre informatif|no constituye asesoramiento`)
	reCopyright   = regexp.MustCompile(`(?i)ⓒ|©|\(c\)\s*\d{4}|copyright|무단\s?전재|재배포\s?금지|all rights reserved|AI\s?학습\s?(?:및\s?)?활용\s?금지|저작권자`)
	reTipLine     = regexp.MustCompile(`(?i)제보는|기사\s?제보|제보하기|제보\s?:|보도자료|카카오톡\s?:|have a (?:news )?tip|send us a tip|contact the (?:author|reporter)|tips@`)
	reCredits     = regexp.MustCompile(`^(?:촬영기자|영상편집|영상취재|영상그래픽|그래픽|촬영|편집|구성|연출|리포터|취재기자|사진|자료제공|글|디자인|AD)\s*[:：]`)
	reWireTail    = regexp.MustCompile(`^\(?끝\)?$|^\d{4}/\d\d/\d\d \d\d:\d\d 송고$|^<저작권자|^\(END\)$`)
	reSignOff     = regexp.MustCompile(`^[가-힣A-Za-z0-9 ]{0,20}(?:뉴스|일보|방송)\s?[가-힣]{2,4}(?:입니다|였습니다)\.?$`)
	reCaptionKo   = regexp.MustCompile(`^[▲△▷]|^\[?사진\s?(?:출처\s?)?[=:]|[(/\[]\s?사진\s?[=:]|사진\s?=\s?[^)]*\)$|\((?:사진|자료|그래픽)\s?(?:제공)?\s?[=:]?[^)]*\)$|게티이미지|/\s?연합뉴스$|/\s?로이터|/\s?AP\s?연합뉴스|제공$|\(이미지\s?=|\[\s?(?:연합뉴스|뉴시스|뉴스1|로이터|AP|AFP|EPA)(?:\s?연합뉴스)?\s?\]$`)
	reCaptionEn   = regexp.MustCompile(`(?i)^(?:photo|image|picture|illustration|credit|photograph)\s?:|^FILE\s*[-–—]\s*(?:in this|this)\b|\((?:photo|image|credit)[^)]*\)$|\b(?:getty images|shutterstock|afp via getty|reuters/|/reuters|ap photo)\b`)
	reHashtags    = regexp.MustCompile(`^(?:#[^\s#]+\s*)+$`)
	rePlacehold   = regexp.MustCompile(`^\[[^\]\s가-힣]{1,80}\]$|^\[[^\]가-힣]*::[^\]]*\]$|^\[\s*\]`)
	reURLOnly     = regexp.MustCompile(`^(?:https?://|www\.)\S+$`)
	rePromo       = regexp.MustCompile(`^[▶▷☞➤►→]`)
	reEmbedGate   = regexp.MustCompile(`(?i)(?:externe[nr]? inhalt|eingebettete inhalte|damit einverstanden, dass|an drittplattformen|inhalte (?:von \S+ )?(?:erlauben|laden|anzeigen)|third[- ]party (?:content|provider|platform)s?\b.{0,60}(?:consent|cookie|accept|load|view)|(?:enable|allow|accept) (?:cookies|javascript|consent)\b.{0,30}\b(?:to )?(?:view|see|watch|load)|contenu externe|consentement|contenido externo)`)
	reCommentHdr  = regexp.MustCompile(commentHeaderPattern)
	reNewWindow   = regexp.MustCompile(`(?i)\((?:opens|open) in (?:a )?new (?:window|tab)\)`)
	rePhotoCredit = regexp.MustCompile(`(?i)/|\b(?:image|photo|picture|foto|bild)\b|getty|reuters|\bap\b|afp|dpa|epa|imago|shutterstock|연합뉴스|뉴시스|뉴스1|사진`)
	// "— Jane Doe (@jane) November 18, 2019": the sign-off of a quoted post
	reQuotedPostSign = regexp.MustCompile(`^[—–-]\s.{0,60}\(@\w+\)`)
	reImageCaption   = regexp.MustCompile(`(?i)^(?:image|photo|video) (?:caption|copyright|source)\b`)
	reNotice         = regexp.MustCompile(`(?i)copyright\s*(?:©|\(c\)|\d)|all rights reserved|무단|재배포|저작권|\b(?:19|20)\d\d\b`)
	reNewsletter     = regexp.MustCompile(`(?i)` + newsletterWords + `|^support (?:\S+ )?(?:and|by|with|today)\b|support (?:our|independent|quality) journalism|make a (?:donation|contribution)|become a (?:member|supporter|patron)\b|^donate\b|(?:delivered|straight|direct(?:ly)?) (?:to|into|through) your (?:inbox|letterbox|mailbox)|meet your inbox|in your inbox|^sign up (?:for|to)\b|sign up (?:for|to) (?:our|the|a) |^(?:like|enjoy(?:ed)?|love) this (?:story|article|post)\b|share (?:it|this) with (?:a|your) friend|mit (?:der|ihrer) anmeldung (?:willigen|stimmen|erklären|akzeptieren)|by (?:signing up|subscribing|registering)\b|i would like to be emailed|en vous inscrivant|al (?:suscribirte|registrarte)|^subscribe to\b|hat ihnen (?:dieser|der|unser) (?:artikel|beitrag|text) gefallen|unterstützen sie (?:uns|unsere arbeit|unabhängigen journalismus)|vous avez aimé cet article|te ha gustado (?:este|el) artículo|gostou (?:deste|do) artigo|^(?:follow|folgen sie|suivez(?:-nous)?|síguenos|seguici) (?:\S+ ){0,3}(?:on|auf|bei|sur|en|su) (?:google news|twitter|x|facebook|instagram|threads|bluesky|linkedin|youtube|tiktok|whatsapp|telegram)\b|^you can (?:also )?follow (?:\S+ ){0,3}on (?:twitter|facebook|instagram|linkedin|youtube|bluesky|threads|tiktok)\b|sie können (?:uns|\S+) (?:auch )?auf (?:twitter|facebook|instagram) folgen|vous pouvez (?:aussi )?nous suivre sur|puedes seguirnos en|puoi seguirci su|add us as a preferred source|lettre d'information|boletín (?:de noticias|informativo|diario|semanal)|e-?bülten|рассылк|(?:funded|supported|made possible) by (?:our )?readers\b|reader-(?:funded|supported)\b|^pin (?:this|it)(?: for later| now)?\W*$|구독하(?:고|기|세요)`)
	// reCommentPolicy finds the rules a site sets for its readers' comments, printed over
	// or under the comment box: who answers for a comment, what not to post, moderation
	reCommentPolicy = regexp.MustCompile(`(?i)comment posters are responsible|\bnot (?:responsible|liable) for (?:messages|comments) (?:from|posted by) (?:third parties|readers|users)|the following are comments from|\bcomments\b.{0,40}\bnot necessarily (?:represent|reflect)|in no way do they represent the views|represent the individual'?s own views|^do not post\s*:|\bcomments (?:are|will be) (?:moderated|monitored)\b|\bour (?:comment|community) guidelines|comment entries are limited to|comments will generally stay|\ba commenter has not followed` +
		`|kommentare (?:geben|spiegeln) nicht die meinung|für den inhalt der kommentare|kommentare werden moderiert|beachten sie (?:unsere|die) netiquette` +
		`|charte de modération|n'engagent que leurs auteurs|commentaires sont modérés|son responsabilidad exclusiva de sus autores|normas de participación|comentarios son moderados` +
		`|i commenti sono moderati|policy dei commenti|são de (?:inteira|exclusiva) responsabilidade|reacties worden gemodereerd`)
	// reFeedPromo finds the prompts to take the site's headlines elsewhere: by RSS, by
	// e-mail, into the browser's favourites, onto social bookmarking sites
	reFeedPromo = regexp.MustCompile(`(?i)headlines (?:delivered|per e-?mail|by e-?mail)\b|to your (?:favorite )?rss reader|(?:via|through) our (?:xml/)?rss\b|these icons link to social bookmarking|^let others know about this post|^e-?mail this (?:headline|article|story)(?: to a friend)?\W*$|^add \S+ to your (?:favorites|bookmarks|browser)` +
		`|rss-feed abonnieren|zu (?:den )?favoriten hinzufügen|als startseite festlegen|ajouter aux favoris|(?:à|au) flux rss|suscríbete a (?:nuestro )?rss|añadir a favoritos`)
	rePager = regexp.MustCompile(`(?i)^(?:\d+\s*[-–]\s*\d+\s+(?:of|von|de|di|van)\s+\d+|page \d+ of \d+|\d+\s*/\s*\d+)$`)
	// reSourceLabel finds a credit that names where the text came from, not a photo's
	reSourceLabel = regexp.MustCompile(`(?i)^(?:quellen?|sources?|fuente|fonte|bron|kilde|källa|image copyright)\b`)
	// reAISummary finds the note under or above a summary that a language model wrote
	reAISummary = regexp.MustCompile(`(?i)(?:zusammenfassung|summary|sammendrag(?:et)?|oppsummering(?:en)?|sammanfattning(?:en)?|résumé|resumen|samenvatting)\b.{0,40}\b(?:künstlich|ki\b|ki-|ai\b|ai-|artificial intelligence|chatgpt|language model|sprachmodell|kunstig intelligens|intelligence artificielle|inteligencia artificial|ia\b)|(?:ki|ai)-(?:generiert|generated)\w* (?:zusammenfassung|summary)`)
	// reDateLabel finds the label of a date line ("Posted:", "Veröffentlicht"), which lets
	// a longer line that also names the author and the outlet be the date line
	reDateLabel   = regexp.MustCompile(`(?i)\b(?:posted|published|updated|veröffentlicht|aktualisiert|publié|mis à jour|publicado|actualizado|publicerad|uppdaterad|publisert|oppdatert)\b`)
	reUpdatedAt   = regexp.MustCompile(`(?i)^(?:updated|posted|published|last (?:updated|modified)|aktualisiert|mis à jour|actualizado)\b.{0,30}\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?\.?$`)
	reReadingTime = regexp.MustCompile(`(?i)^(?:(?:lesezeit|lesedauer|reading time|read time|lecture|tiempo de lectura|tempo de leitura|temps de lecture|leestijd|czas czytania|읽는 시간|예상 읽기 시간)\s*:?\s*(?:ca\.\s*)?\d+\s*(?:min|minuten|minutes|minutos?|minuti|minut|분)\.?|\d+\s*(?:min|minute|minuten)s?\.?\s*(?:read|lesen|de lecture|lesezeit|leestijd|lesetid|läsning))$`)
	rePaywall     = regexp.MustCompile(`(?i)kostenlos testen|to read the full (?:story|article)|subscribe to read|jetzt weiterlesen|bereits (?:kunde|abonnent)|artikel (?:erwerben|kaufen|freischalten)|subscribe (?:to|now to) (?:continue|keep) reading|already (?:a subscriber|have an account\b)|abonnez-vous|déjà abonné|suscr[ií]bete|to continue reading|continue reading with|unlock this (?:article|story)|this (?:article|content) is (?:for|only for|reserved for) (?:subscribers|members)|유료 ?회원|구독하시면|この記事は(?:有料)?会員限定|続きを読むには|有料会員(?:登録|になると|の方)|(?:log|sign) in or (?:create an account|register|sign up|subscribe) to (?:continue|read|keep reading)|create a free account to (?:continue|read)|(?:full|free) access to this article`)
	reAffiliate   = regexp.MustCompile(`(?i)we may (?:earn|receive) (?:a )?(?:small )?(?:commission|share of sales)|affiliate (?:link|commission)s?|(?:provisions|partner)-?links?\b|if you (?:buy|purchase) something (?:through|using|via) (?:links|a link)|이 포스팅은 .{0,20}수수료`)
	reRelTime     = regexp.MustCompile(`(?i)^[•·]?\s*(?:vor \d+ (?:std|stunden|min|minuten|tag|tagen)\.?|\d+ (?:hours?|minutes?|days?|mins?|hrs?) ago|il y a \d+ \w+|hace \d+ \w+|(?:včera|dnes|wczoraj|dzisiaj)(?: \d{1,2}:\d\d)?|\d+\s*(?:시간|분|일) 전)$`)
	reRelatedLink = regexp.MustCompile(`(?i)^(?:related|read more|read also|see also|also read|also|more|recommended|watch|listen|more on this|관련기사|관련 기사|함께 보면 좋은 기사|lesen sie auch|mehr zum thema|lire aussi|leia também|leer también)\s*:\s*\S|^also on \S+\.\w+\s`)
	reCookie      = regexp.MustCompile(`(?i)(?:this (?:web)?site uses cookies|we use cookies|uses? of cookies|cookies? (?:policy|settings|preferences|consent|notice)|accept (?:all )?cookies|(?:necessary|functional|analytics|performance|advertising|targeting|marketing|essential) cookies|store and/or access information on a device|use limited data to select (?:advertising|content)|(?:create|use) profiles (?:for|to select) personali[sz]ed|partners can use this (?:special )?(?:purpose|feature)|manage consent preferences|^(?:measure (?:advertising|content) performance|develop and improve services) off$|consent to (?:the use of )?cookies|cookies to (?:improve|give|provide|ensure|personali[sz]e)|쿠키(?:를 사용|정책|설정|사용에 동의))`)
	rePlayer      = regexp.MustCompile(`(?i)(?:video|audio)\s?(?:태그|tag|element)|(?:browser|브라우저)[^.]{0,40}(?:not support|지원하지|지원되지)|(?:enable|turn on) javascript|자바스크립트를?\s?(?:사용|활성)|플래시\s?플레이어|flash player|this (?:video|clip) is (?:(?:no longer|not|currently) )?(?:available|unavailable|playable)`)
	// "Foto: Jane Doe", "Quelle: dpa", "Bron: Belga", "Źródło: PAP": a credit or source label
	// in the languages whose outlets put one under photos and graphics
	reCreditLabel = regexp.MustCompile(`(?i)^(?:fotos?|bild(?:er)?|bildquelle|grafik|kuva|zdjęcie|zdroj|źródło|quellen?|bron|kilde|källa|fuente|fonte|crédits?|crédito|sources?)\s?:`)
	// "… in einer Klinik. Jane Doe/dpa": a caption that ends in its photographer and agency
	// "Get in touch at news@…", "Senden Sie uns Ihr Feedback an: briefe@…": an invitation to
	// write to the newsroom; a rule matches it only where an e-mail address stands with it
	reContactAsk = regexp.MustCompile(`(?i)get in touch|contact (?:us|me|the newsroom)|e-?mail(?: us| me)?\s?:|write to (?:us|me)|story to (?:tell|share)|\bfeedback\b|leserbrief|schreiben sie (?:uns|mir)|senden sie uns|kontakt\s?:|écrivez-nous|contactez-nous|escríbenos|skriv til oss|napisz do nas`)
	// "20:42 Key event", "19:39 Jane Roe": the head of a live blog's entry, its time and its
	// label or author, with nothing else
	reLiveEntryHead = regexp.MustCompile(`^\d{1,2}[:.]\d\d\s*(?:(?i:key event|pinned(?: post)?|top update|breaking)|\p{Lu}[\p{L}'’]+(?:[ -]\p{Lu}[\p{L}'’]+){1,3})$`)
	// "Box aufklappen Box zuklappen", "Expand Collapse": the two labels of a box's open and
	// close toggle, read out together
	reToggle     = regexp.MustCompile(`(?i)^(?:\S+ )?(?:aufklappen|ausklappen|expand|show more|mehr anzeigen|afficher plus|déplier|desplegar|rozwiń|vis mer|vis mere|visa mer|lees meer|näytä lisää)\s(?:\S+ )?(?:zuklappen|einklappen|collapse|show less|weniger anzeigen|afficher moins|replier|plegar|zwiń|vis mindre|visa mindre|lees minder|näytä vähemmän)$`)
	reAgencyTail = regexp.MustCompile(`(?i)\S/\s?(?:dpa|afp|ap|reuters|epa|imago|ddp|getty images|picture alliance|anp|belga|ansa|efe|pap|čtk|tass)$`)
)

// reRelatedPhrase finds a heading of a list of other articles that says more than a list
// entry: "You may also be interested in:", "Other posts you may enjoy", "Related articles
// that may interest you", "Das könnte Sie auch interessieren", "Te puede interesar …" (a
// few words may lead it: "Explore related items", "More stories you might like").
var reRelatedPhrase = regexp.MustCompile(`(?i)^(?:(?:other|more|some|explore|see|discover|check out|our)\s)?(?:\S+\s){0,2}?` +
	`(?:you(?:'ll|’ll| may| might| will| would) (?:also (?:like|love|enjoy|be interested in)|be interested in)` +
	`|(?:articles?|posts?|stories|reads|recipes|guides|topics|news) (?:you|that) (?:may|might|will|'ll|’ll) (?:also )?(?:like|love|enjoy|be interested in|interest you)` +
	`|related (?:articles?|posts?|stories|news|content|topics|reading|links|items|videos)\b` +
	`|(?:das|dies|diese artikel) könnten? (?:sie|dich) (?:auch |ebenfalls )?interessieren` +
	`|(?:ces articles|ceci|cela|ça) (?:pourrai(?:en)?t|peu(?:ven)?t) (?:aussi |également )?vous intéresser|vous (?:aimerez|pourriez aimer)` +
	`|(?:también )?(?:te|le|les|os) (?:puede|pueden|podría|podrían) (?:también )?interesar` +
	`|(?:você|voce) (?:também )?(?:pode|vai|poderá) gostar|(?:pode|podem) (?:te|lhe) interessar` +
	`|(?:ti )?potrebbe(?:ro)? (?:anche )?interessar(?:ti|e)` +
	`|(?:może|mogą) (?:cię|was) (?:też |także |również )?zainteresować|(?:bunlar da )?ilginizi çekebilir|mohlo by vás (?:také )?zajímat)`)

// reRelatedPhraseWord finds a word that every match of reRelatedPhrase holds: the gate
// the prefilter tests, with a few literals instead of the many of reRelatedPhrase's
// branches.
var reRelatedPhraseWord = regexp.MustCompile(`(?i)you|related|interess|intéress|interes|gostar|zainteres|ilginizi|zajímat`)

// isRelatedPhrase: a short line without a sentence end that opens with a related-list
// phrase.
func isRelatedPhrase(b *Block) bool {
	return b.Runes <= relatedPhraseMaxRunes && !b.SentenceEnd && qRelatedPhraseWord.MatchBlock(b) && reRelatedPhrase.MatchString(b.Text)
}

// reChannelPrompt finds an invitation to follow the outlet on a messenger: an imperative
// that opens the line or a sentence of it ("Join", "Folgen Sie", "Únete a"), or "our
// channel", with the messenger's name.
var reChannelPrompt = regexp.MustCompile(`(?i)(?:(?:^|[.!?:,]\s)(?:join|follow|subscribe to|abonnieren sie|abonniere|folgen sie|folge|rejoignez|abonnez-vous (?:à|a)|suivez|únete (?:a|al)|suscríbete (?:a|al)|síguenos|siga-nos|junte-se (?:a|ao)|inscreva-se|unisciti (?:a|al)|iscriviti (?:a|al)|seguici|dołącz do|obserwuj|subskrybuj|volg|word lid van)\b.{0,60}\b(?:whatsapp|telegram)\b` +
	`|\b(?:our|unse?re?[mn]?|notre|nuestro|nosso|nostro|naszego|naszym|naš|onze|vår|vores) (?:\S+ )?(?:whatsapp|telegram)[- ]?(?:channel|kanal|canal|chaîne|canale|kanaal|kanał|kanál|group|gruppe|grupo|groupe|gruppo|grupa)\b` +
	`|\b(?:whatsapp|telegram)[- ]?(?:channel|kanal|canal|chaîne|canale|kanaal|kanał|kanál)\b.{0,40}\b(?:abonnieren|folgen|beitreten|join|follow|subscribe|suivre|rejoindre|seguir|unirse|unir|seguire|iscriviti|dołącz|obserwuj|katıl)|(?:ab sofort|jetzt|now) (?:auch )?(?:auf|on) (?:whatsapp|telegram)\b)`)

// reQuoteToggle finds the label that expands a quoted post cut short in a forum thread.
var reQuoteToggle = regexp.MustCompile(`(?i)^(?:(?:click|tap) (?:here )?to (?:expand|shrink|collapse)|zum (?:vergrößern|erweitern) anklicken|klicken zum (?:erweitern|vergrößern)|cliquez pour (?:agrandir|développer|réduire)|haz clic para (?:expandir|ampliar)|clique para (?:expandir|ampliar)|clicca per espandere|kliknij,? aby rozwinąć)\W*$`)

// reShopButton finds the label of a shop's button or a price comparison's link, at the
// start of a line.
var reShopButton = regexp.MustCompile(`(?i)^(?:add to (?:cart|basket|bag|wish ?list)\b|buy (?:it )?now\b|buy (?:it )?(?:on|at|from) (?:amazon|ebay|walmart|target|best buy)\b|(?:see|check|view|compare) (?:the )?(?:latest )?(?:prices?|deals?|offers?) (?:at|on)\b|(?:view|shop|see it) (?:at|on) (?:amazon|ebay|walmart|target|best buy)\b|in den warenkorb|jetzt kaufen\b|ajouter au panier|acheter (?:maintenant|sur|chez)\b|añadir al (?:carrito|carro)|comprar (?:ahora|en)\b|adicionar ao carrinho|aggiungi al carrello|acquista (?:ora|su)\b|dodaj do koszyka|kup teraz|sepete ekle)`)

// reMessenger and reShopWord are the gates of reChannelPrompt and reShopButton: a word
// each of their matches holds.
var (
	reMessenger = regexp.MustCompile(`(?i)whatsapp|telegram`)
	reShopWord  = regexp.MustCompile(`(?i)cart|basket|bag|wish|buy|price|deal|offer|amazon|ebay|walmart|target|warenkorb|kaufen|panier|acheter|carrito|carro|comprar|carrinho|carrello|acquista|koszyka|kup|sepete`)
)

// rePollCount finds the count of votes under a reader poll.
var rePollCount = regexp.MustCompile(`(?i)^(?:(?:total|gesamt|insgesamt|total de|totale)\s?(?:votes?|stimmen|votos|voti)\s?:?\s?\d[\d.,]*|\d[\d.,]*\s(?:votes?|stimmen|abstimmungen|votos|voti|głos(?:y|ów)?|oy))$`)

// reFeedNotice finds the note that a story was taken unedited from an agency's feed
var reFeedNotice = regexp.MustCompile(`(?i)(?:has not been edited by|not edited by) .{0,40}(?:staff|team)|auto-generated from a syndicated feed|published from a (?:wire agency|syndicated) feed|redaktionell nicht bearbeitet|automatisch von der .{0,60}übernommen`)

// reCreditTail: a caption that ends in its photo's credit, "… — © Name" (a copyright
// notice goes on after the sign: a year, "All rights reserved.")
var reCreditTail = regexp.MustCompile(`\S\s*[—–|/-]?\s*©\s*[^©.!?0-9]{1,40}$`)

// reCaptionAgency: a caption that ends in its photographer and agency in brackets
// ("… (Jane Doe / AP)"), the agency as it writes its name ("(ePA)" ends a sentence on
// health records)
var reCaptionAgency = regexp.MustCompile(`\((?:[^()]{1,60}/\s?)?(?:dpa|AFP|AP|Reuters|REUTERS|EPA|imago|IMAGO|ddp|Getty|Keystone|KEYSTONE|ANP|Belga|BELGA|ANSA|EFE|PAP|Xinhua|Bloomberg)\)$`)

// commentHeaderPattern: the head of a comment section or of one comment, a line of its
// own: a count of comments, a button to show or write one, a prompt to log in to comment,
// a commenter's "jane says:".
const commentHeaderPattern = `(?i)^(?:\d+\s+(?:comments?|responses?|replies|reactions)\b.*|leave a (?:reply|comment)|post a comment|tell us what you think\W*|add a comment|join the (?:discussion|conversation)|(?:\S+ )?your comments?\b.*|have your say\W*|(?:\S+ ){0,3}comments on this (?:story|article|post)\W*|show comments|view comments|comments? (?:are )?closed|댓글\s*\d*\s*개?|댓글\s?(?:쓰기|달기|보기)|(?:\d+\.\s*)?\S{1,40}\s+(?:says|said|wrote|writes)\s?:` +
	// the same in other languages: the count or head of the readers' comments (in the
	// plural: "Kommentar" alone labels an opinion piece), a button to show or write one,
	// a prompt to log in to comment, the comment box switched off
	`|(?:\d+\s+)?(?:kommentare|leserkommentare|kommentarer|commentaires|comentarios|commenti|reacties|komentáře|komentarze|diskuze)\s*[:(]?\s*\d*\)?` +
	`|zu den kommentaren.*|(?:kommentare|kommentarer|commentaires|comentarios|commenti)\s(?:einblenden|anzeigen|ausblenden|lesen|schreiben|verfassen|afficher|ver|mostrar|mostra)\b.*` +
	`|(?:einen )?kommentar (?:hinzufügen|schreiben|verfassen|abgeben)\b.*|(?:écrire|ajouter|laisser|rédiger) un commentaire.*` +
	`|(?:deja|escribe|añade|agrega) (?:un|tu) comentario.*|(?:lascia|scrivi|aggiungi) un commento.*|(?:skriv|legg til) (?:en )?kommentar\b.*` +
	`|.*(?:angemeldet|eingeloggt|registriert) sein,? um (?:einen kommentar|zu kommentieren|kommentieren|kommentare).*` +
	`|bitte melden sie sich an,? um (?:einen kommentar|zu kommentieren|kommentare).*` +
	`|nur (?:angemeldete|registrierte|eingeloggte) (?:benutzer|nutzer|user|leser|mitglieder)(?:innen)? können (?:kommentieren|kommentare).*` +
	`|you must be (?:logged|signed) in to (?:post a )?comment.*|(?:log|sign) in to (?:leave a |post a )?comment.*` +
	`|vous devez être connecté pour (?:publier un |laisser un |poster un )?commentaire.*|debes (?:estar registrado|iniciar sesión) para (?:comentar|dejar un comentario).*` +
	`|die kommentarfunktion (?:ist|wurde) .*)$`

var builtinRules = []Rule{
	{Name: ruleHidden, Kind: "hidden", Desc: "element hidden by attribute, style or a screen-reader-only class", match: func(b *Block) bool { return b.Hidden }},
	{Name: ruleDateLine, Kind: "date-line", Role: RoleDate, Desc: "a publication or update time line (입력 2025-02-06 15:15, Published …)", match: isDateLine},
	{Name: rulePhotoCredit, Kind: "caption", Role: RoleCaption, Desc: "a photo credit (Image copyright Agency, © Photographer/Agency)", match: func(b *Block) bool {
		return b.Runes <= 60 && qCopyright.MatchBlock(b) && !qNotice.MatchBlock(b) && qPhotoCredit.MatchBlock(b) ||
			qImageCaption.MatchBlock(b) ||
			b.Runes <= 300 && qCreditTail.MatchBlock(b) && !qNotice.MatchBlock(b)
	}},
	{Name: ruleCopyright, Kind: "copyright", Desc: "copyright and no-reuse notices (ⓒ, ©, 무단 전재 및 재배포 금지, All rights reserved)", match: func(b *Block) bool {
		return b.Runes <= boilerMaxRunes && qCopyright.MatchBlock(b) && !copyrightMention(b)
	}},
	{Name: ruleLegalDisclaimer, Kind: "copyright", Desc: "a legal disclaimer: for informational purposes only, not (financial, legal …) advice, past performance is no guarantee, consult your own advisor (two of them, or one in a short line)", match: isDisclaimer},
	{Name: ruleCookieNotice, Kind: "cookie", Desc: "a cookie-consent banner or its settings (This website uses cookies …, Necessary cookies …)", match: func(b *Block) bool {
		return b.Runes <= 800 && qCookie.MatchBlock(b)
	}},
	{Name: ruleTipLine, Kind: "tip-line", Desc: "how to send the newsroom a tip (제보는 카카오톡 …, Have a tip?)", match: func(b *Block) bool {
		return b.Runes <= boilerMaxRunes && qTipLine.MatchBlock(b)
	}},
	{Name: ruleContactPrompt, Kind: "tip-line", Desc: "an invitation to write to the newsroom with its e-mail address (Got a story? Email: …, Senden Sie uns Ihr Feedback an …)", match: func(b *Block) bool {
		return b.Runes <= boilerMaxRunes && qContactAsk.MatchBlock(b) && qEmail.MatchBlock(b)
	}},
	{Name: ruleByline, Kind: "byline", Role: RoleByline, Desc: "an author line: 홍길동 기자 (e-mail), By Jane Doe", match: isByline},
	{Name: ruleCaption, Kind: "caption", Role: RoleCaption, Desc: "a photo caption or credit (▲…, (사진=…), …제공, Photo: …)", match: isCaption},
	{Name: ruleCreditLabel, Kind: "caption", Role: RoleCaption, Desc: "a photo credit or source label (Foto: …, Quelle: dpa, Bron: Belga) or a caption ending in photographer/agency", match: func(b *Block) bool {
		return b.Runes <= 80 && qCreditLabel.MatchBlock(b) || b.Runes <= 200 && !b.SentenceEnd && qAgencyTail.MatchBlock(b)
	}},
	{Name: ruleNotice, Kind: "notice", Desc: "a notice line starting ※", match: func(b *Block) bool {
		return strings.HasPrefix(b.Text, "※") && b.Runes <= boilerMaxRunes
	}},
	{Name: ruleWireTail, Kind: "tail", Desc: "wire-service tail lines: (끝), 2025/02/06 15:15 송고", match: func(b *Block) bool { return qWireTail.MatchBlock(b) }},
	{Name: ruleCredits, Kind: "tail", Desc: "broadcast production credits (촬영기자:, 영상편집:)", match: func(b *Block) bool {
		return b.Runes <= boilerMaxRunes && qCredits.MatchBlock(b)
	}},
	{Name: ruleSignOff, Kind: "tail", Desc: "a reporter's sign-off (KBS 뉴스 홍길동입니다.)", match: func(b *Block) bool {
		return b.Runes <= 40 && qSignOff.MatchBlock(b)
	}},
	{Name: ruleButtons, Kind: "buttons", Desc: "a row of reaction, share, font-size or comment buttons with their counts", match: func(b *Block) bool {
		kind, ok := buttonLineScan(b.Text, b.Runes, b.scan)
		b.btnKind = kind
		return ok
	}},
	{Name: rulePlayerFallback, Kind: "media", Desc: "the fallback text or status line of a video or audio player (이 브라우저는 video 태그를 지원하지 않습니다, This video is no longer available)", match: func(b *Block) bool {
		return b.Runes <= boilerMaxRunes && qPlayer.MatchBlock(b)
	}},
	{Name: ruleFeedNotice, Kind: "notice", Desc: "a note that the story came unedited from an agency's feed (This story has not been edited by … staff and is auto-generated from a syndicated feed)", match: func(b *Block) bool {
		return b.Runes <= 300 && qFeedNotice.MatchBlock(b)
	}},
	{Name: ruleAISummaryNote, Kind: "ai-summary", Desc: "the note that a summary box was written by a language model (This summary was generated by AI, Zusammenfassung mit KI erstellt)", match: func(b *Block) bool {
		return b.Runes <= 200 && qAISummary.MatchBlock(b)
	}},
	{Name: ruleTeaser, Kind: "related-list", Desc: "a summary cut off with an ellipsis, as lists of other articles show them", match: isTeaser},
	{Name: ruleMoreTeaser, Kind: "related-list", Desc: "a summary of another article that ends in its link label behind a bar (… | mehr, … | more, … | plus)", match: isMoreTeaser},
	{Name: ruleDoubledText, Kind: "related-list", Desc: "a text read out twice or more in one line (Some headline Some headline): a link's image alt text and its own text, as a teaser card, a logo or an author card shows them", match: isDoubledText},
	{Name: ruleEmbedConsent, Kind: "media", Desc: "the consent gate of an embedded video or post (An dieser Stelle findest du einen externen Inhalt …)", match: func(b *Block) bool {
		return b.Runes <= 400 && qEmbedGate.MatchBlock(b)
	}},
	{Name: ruleCommentHeader, Kind: "comment-box", Desc: "the head of a comment section or of one comment (34 Comments, Leave a Reply, jane says:)", match: func(b *Block) bool {
		return b.Runes <= 80 && qCommentHdr.MatchBlock(b)
	}},
	{Name: ruleNewWindowLink, Kind: "share", Desc: "a share or print link that says it opens a new window", match: func(b *Block) bool {
		return b.Runes <= 120 && qNewWindow.MatchBlock(b)
	}},
	{Name: ruleReadingTime, Kind: "nav", Desc: "a reading-time label (Lesezeit: 3 Min., 5 min read)", match: func(b *Block) bool {
		return b.Runes <= 40 && qReadingTime.MatchBlock(b)
	}},
	{Name: rulePaywallPromo, Kind: "promo", Desc: "a subscription or paywall prompt (Jetzt weiterlesen, Already a subscriber?, 2 Wochen kostenlos testen)", match: func(b *Block) bool {
		return b.Runes <= 300 && qPaywall.MatchBlock(b)
	}},
	{Name: ruleAffiliateNote, Kind: "promo", Desc: "an affiliate-link disclosure (we may earn a commission …)", match: func(b *Block) bool {
		return b.Runes <= 400 && qAffiliate.MatchBlock(b)
	}},
	{Name: ruleLiveEntryHead, Kind: "live-ticker", Desc: "the head of a live blog's entry: its time and its label or author (20:42 Key event, 19:39 Jane Roe)", match: func(b *Block) bool {
		return b.Runes <= 50 && b.Text[0] >= '0' && b.Text[0] <= '9' && qLiveEntryHead.MatchBlock(b)
	}},
	{Name: ruleToggleLabels, Kind: "buttons", Desc: "the open and close labels of a box's toggle read out together (Box aufklappen Box zuklappen, Expand Collapse, Vis mer Vis mindre)", match: func(b *Block) bool {
		return b.Runes <= 80 && qToggle.MatchBlock(b)
	}},
	{Name: ruleQuoteToggle, Kind: "buttons", Desc: "the expand label of a quoted post in a forum thread (Click to expand..., Zum Vergrößern anklicken): dropped, but neutral to its neighbours, as the quote goes on around it", match: func(b *Block) bool {
		return b.Runes <= 40 && qQuoteToggle.MatchBlock(b)
	}},
	{Name: ruleShopButton, Kind: "promo", Desc: "a shop's or a price comparison's button (Add to cart, See price at Amazon, Buy now, In den Warenkorb, Ajouter au panier)", match: func(b *Block) bool {
		return b.Runes <= shortLineRunes && !b.SentenceEnd && qShopWord.MatchBlock(b) && reShopButton.MatchString(b.Text)
	}},
	{Name: rulePoll, Kind: "poll", Desc: "the count of votes of a reader poll (123 votes, Total votes: 45, 12 Stimmen)", match: func(b *Block) bool {
		return b.Runes <= pollMaxRunes && qPollCount.MatchBlock(b)
	}},
	{Name: ruleRelativeTime, Kind: "nav", Desc: "a relative time stamp of a list item (vor 2 Std., 3 hours ago, 2시간 전)", match: func(b *Block) bool {
		return b.Runes <= 30 && qRelTime.MatchBlock(b)
	}},
	{Name: ruleRelatedLink, Kind: "related-list", Desc: "a single link to another article (Related: …, Read more: …, Also on site.com …)", match: func(b *Block) bool {
		return b.Runes <= 200 && qRelatedLink.MatchBlock(b)
	}},
	{Name: ruleDecoration, Kind: "nav", Desc: "a line of rules, dots or symbols with no letters or digits (━━━━, * * *)", match: func(b *Block) bool {
		return b.Kind != BlockImage && b.Runes > 0 && !hasLetterOrDigit(b.Text)
	}},
	{Name: rulePager, Kind: "nav", Desc: "a paging line (1 - 5 of 36, Page 2 of 4)", match: func(b *Block) bool {
		return b.Runes <= 30 && qPager.MatchBlock(b)
	}},
	{Name: ruleRelatedHeading, Kind: "related-list", Desc: "the heading of a related, popular or latest-news list (주요 뉴스, 많이 본 뉴스, Most read, Also on Site:, You may also be interested in:, Das könnte Sie auch interessieren)", match: func(b *Block) bool {
		return isRelatedHeading(b) || isRelatedPhrase(b)
	}},
	{Name: ruleTickerHeader, Kind: "ticker", Desc: "the header or legend of a market ticker (실시간 암호화폐 시세, 오늘의 상승종목, 변동률)", match: isTickerHeader},
	{Name: ruleTicker, Kind: "ticker", Desc: "a ticker cell: a short line mostly of prices and percentages, or an index or asset name", match: isTickerLine},
	{Name: ruleUiLabel, Kind: "nav", Desc: "a navigation, search, login or paging label (본문 바로가기, Skip to content, Advertisement)", match: func(b *Block) bool {
		return b.Runes <= 40 && b.inLabels(inUILabels)
	}},
	{Name: ruleMoreLink, Kind: "buttons", Desc: "the lone link or button under a card or a section (Learn more, Find out more, View details, En savoir plus): dropped, but neutral to its neighbours, as the page's text goes on after it", match: func(b *Block) bool {
		return b.Runes <= moreLinkMaxRunes && b.LinkDensity >= moreLinkMinDensity && b.inLabels(inMoreLinks)
	}},
	{Name: rulePromo, Kind: "promo", Desc: "a promotion or link line starting ▶, ▷ or ☞", match: func(b *Block) bool {
		return qPromo.MatchBlock(b) && b.Runes <= boilerMaxRunes && !b.SentenceEnd && !isMarkerLine(b.Text)
	}},
	{Name: ruleChannelPrompt, Kind: "promo", Desc: "an invitation to follow the outlet on a messenger (Join our WhatsApp channel, Folgen Sie uns auf Telegram, Únete a nuestro canal de WhatsApp)", match: func(b *Block) bool {
		return b.Runes <= channelPromptMaxRunes && qMessenger.MatchBlock(b) && reChannelPrompt.MatchString(b.Text)
	}},
	{Name: ruleNewsletterPromo, Kind: "promo", Desc: "a newsletter, follow-us or share-this-story prompt (Sign up for our newsletter, Follow us on Google News, Like this story? Share it with a friend); not a paragraph of prose about newsletters in general", match: func(b *Block) bool {
		return b.Runes <= 300 && qNewsletter.MatchBlock(b) && !newslettersMentioned(b)
	}},
	{Name: ruleCommentPolicy, Kind: "comment-box", Desc: "the rules of a site's comment section (Comment posters are responsible for …, Do not post: …, Comments are moderated, Kommentare geben nicht die Meinung der Redaktion wieder)", match: func(b *Block) bool {
		return b.Runes <= commentPolicyMaxRunes && qCommentPolicy.MatchBlock(b)
	}},
	{Name: ruleFeedPromo, Kind: "promo", Desc: "a prompt to take the site's headlines by RSS or e-mail, to bookmark it or share it on social bookmarking sites (Get our headlines delivered to your RSS reader, Add site.com to your favorites, RSS-Feed abonnieren)", match: func(b *Block) bool {
		return b.Runes <= feedPromoMaxRunes && qFeedPromo.MatchBlock(b)
	}},
	{Name: ruleHashtags, Kind: "tags", Desc: "a line of hashtags", match: func(b *Block) bool { return qHashtags.MatchBlock(b) }},
	{Name: ruleImagePlaceholder, Kind: "media", Desc: "an image or ad placeholder a text dumper left ([image-name], [INS::INS])", match: func(b *Block) bool {
		return b.Runes <= 90 && qPlacehold.MatchBlock(b)
	}},
	{Name: ruleContactLine, Kind: "contact", Desc: "a line that is only an e-mail address or a URL", match: isContactLine},
	{Name: ruleClassHint, Kind: "html-hint", Desc: "an element whose class or id names boilerplate (share, related, comment, footer, nav, ad …) outside the article body", match: func(b *Block) bool {
		if b.Hints == "" {
			return false
		}
		k := b.scan().nearestHint(b.Hints)
		// an embedded post (a tweet in a block quote) is quoted content, not a share bar;
		// a player's tokens around an <object>'s fallback content name the player that
		// content stands in for (the video's description), not a widget beside the story
		return k != "" && !(k == "share" && b.Kind == BlockQuote) && !(k == "video-player" && b.fallback)
	}},
	{Name: ruleLinkList, Kind: "nav", Desc: "a block that is mostly link text", match: func(b *Block) bool {
		if b.LinkDensity <= maxLinkDensity {
			return false
		}
		// long sentences with their names linked (hover cards, tag links) are prose
		if b.Runes >= 300 && b.SentenceEnd && b.StopDensity >= stopwordsLow {
			return b.LinkDensity > proseMaxLinkDensity
		}
		return b.Runes < 300 || b.LinkDensity > 0.6
	}},
}

// Names of the verdicts that no Rule above gives: the quality pass and the context pass.
const (
	ruleProse       RuleName = "prose"                // long enough, reads like sentences
	ruleNearProse   RuleName = "near-prose"           // reads like sentences but is short
	ruleShort       RuleName = "short"                // too short to judge alone
	ruleLowQuality  RuleName = "low-quality"          // long but not prose (few stop words or endings)
	ruleCode        RuleName = "code"                 // preformatted text that reads as no language: code, a command
	ruleTickerRun   RuleName = "ticker-run"           // a name between ticker cells
	ruleRelatedList RuleName = "related-list"         // an item of a list under a related-news heading
	ruleContext     RuleName = "context"              // jusText revision from the neighbours
	ruleOutside     RuleName = "outside-article"      // before or after the region where body blocks cluster
	ruleDuplicate   RuleName = "duplicate"            // a block repeated verbatim (alt text and caption)
	ruleTitle       RuleName = "title"                // the headline
	ruleSubtitle    RuleName = "subtitle"             // a deck line under the headline
	ruleStandfirst  RuleName = "standfirst"           // the description shown as a summary above the byline
	ruleEmbedded    RuleName = "embedded-body"        // the body came from the page's data (JSON-LD, script JSON)
	ruleContainer   RuleName = "outside-container"    // outside the element that holds the article body
	ruleInContainer RuleName = "in-container"         // a short block inside the element that holds the article body
	ruleMarkerList  RuleName = "marker-list"          // a run of ▲-lines that is a list of briefs, not a caption
	ruleAISummary   RuleName = "ai-summary"           // the points of a summary box a language model wrote
	ruleTextCaption RuleName = "caption-above-credit" // a text dump's photo caption: the line above the credit
	ruleLoose       RuleName = "loose-prose"          // sentences taken in the fallback when nothing else read as an article
	ruleAuthorBio   RuleName = "author-bio"           // a note on the article's author after its text
	// ruleParagraphSibling: a <p> beside the article's own paragraphs, in their element
	ruleParagraphSibling RuleName = "paragraph-sibling"
	// ruleBrLine: a line of an element cut into lines by <br>, one of which is body
	ruleBrLine RuleName = "br-line"
	// ruleListMate: a linked item of a list whose other items are the article's prose
	ruleListMate RuleName = "list-mate"
	// a table of data without links right after the body or between its paragraphs
	ruleDataTable RuleName = "data-table"
)

func isDateLine(b *Block) bool {
	// a quoted post signs off with its date ("— Name (@name) November 18, 2019"): quoted
	// content, not the page's date line
	if b.Runes > 120 || b.Kind == BlockQuote || qQuotedPostSign.MatchBlock(b) {
		return false
	}
	if qDateLineKo.MatchBlock(b) || b.Runes <= 50 && qUpdatedAt.MatchBlock(b) {
		return true
	}
	if b.SentenceEnd || b.Runes > 80 && !(b.Runes <= 120 && qDateLabel.MatchBlock(b)) {
		return false
	}
	_, ok := looseDate(b.scan())
	return ok
}

func isByline(b *Block) bool {
	if b.Runes > 60 {
		return false
	}
	t := b.Text
	if m := qBylineKo.FindBlockSubmatch(b); m != nil {
		// the rest must be little more than an e-mail address
		rest := strings.TrimSpace(qEmail.ReplaceAllString(t[len(m[0]):], ""))
		return utf8.RuneCountInString(strings.Trim(rest, " ()[]=·,/")) <= 12
	}
	if byPrefix(t) {
		words := strings.Fields(t)
		return len(words) <= 8 && !b.SentenceEnd
	}
	// "Von Jane Doe und John Roe, Berlin", "Par Jane Doe", "Por Juan Pérez": "by" in
	// other languages, a word that also opens sentences, so the names must follow
	if name, ok := cutBylinePrefix(t); ok {
		return len(strings.Fields(t)) <= 10 && !b.SentenceEnd && namesOnly(name)
	}
	return false
}

// byPrefix reports a line opened by "By " (or "BY ", "by "): an English byline's start.
func byPrefix(t string) bool {
	return strings.HasPrefix(t, "By ") || strings.HasPrefix(t, "BY ") || strings.HasPrefix(t, "by ")
}

// bylinePrefixes are the words for "by" that open an author line in other languages
// (German, French, Spanish and Portuguese, Dutch, Scandinavian, Italian), with a colon
// where pages put one.
var bylinePrefixes = []string{"Von: ", "Von ", "VON ", "Par ", "PAR ", "Por ", "POR ", "Door ", "Av ", "Af ", "Di ", "Autor: ", "Autorin: "}

// bylinePrefixFirst holds the first bytes of bylinePrefixes.
var bylinePrefixFirst = func() (set byteSet) {
	for _, p := range bylinePrefixes {
		set.add(p[0])
	}
	return set
}()

// cutBylinePrefix returns the text after a byline prefix of another language, up to the
// first comma, bar or middle dot (a place or an agency may follow there).
func cutBylinePrefix(t string) (string, bool) {
	if t == "" || !bylinePrefixFirst.has(t[0]) {
		return "", false // (most lines start with none of the prefixes' first bytes)
	}
	for _, p := range bylinePrefixes {
		if strings.HasPrefix(t, p) {
			name := t[len(p):]
			if i := strings.IndexAny(name, ",|·"); i >= 0 {
				name = name[:i]
			}
			return strings.TrimSpace(name), true
		}
	}
	return "", false
}

// nameJoiners are the lower-case words that stand in a list of names: "and" in several
// languages and the particles of surnames.
var nameJoiners = map[string]bool{
	"und": true, "and": true, "et": true, "y": true, "e": true, "og": true, "en": true, "i": true, "&": true,
	"von": true, "van": true, "der": true, "den": true, "de": true, "del": true, "da": true, "di": true,
	"du": true, "la": true, "le": true, "ter": true, "zu": true, "dos": true, "das": true,
}

// namesOnly reports whether s is one or more personal names: one to eight words, each
// capitalised but for the joiners of names, and no digits.
func namesOnly(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 8 {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if nameJoiners[w] {
			continue
		}
		if !unicode.IsUpper(r) || strings.ContainsAny(w, "0123456789:") {
			return false
		}
	}
	return !nameJoiners[words[0]]
}

func isCaption(b *Block) bool {
	if b.Kind == BlockCaption {
		return true
	}
	if b.Runes > 400 {
		return false
	}
	if qCaptionKo.MatchBlock(b) {
		// a body sentence may end in …제공 or name a photo; captions are short or start ▲
		return strings.HasPrefix(b.Text, "▲") || strings.HasPrefix(b.Text, "△") || b.Runes <= 150 || strings.Contains(b.Text, "사진=")
	}
	return b.Runes <= 200 && (qCaptionEn.MatchBlock(b) || qCaptionAgency.MatchBlock(b))
}

func isTeaser(b *Block) bool {
	if b.Runes < 40 || b.Runes > 400 {
		return false
	}
	t := strings.TrimRight(b.Text, " ")
	if !strings.HasSuffix(t, "…") && !strings.HasSuffix(t, "...") {
		return false
	}
	t = strings.TrimRight(t, ".…")
	last, _ := utf8.DecodeLastRuneInString(t)
	// cut in the middle of a sentence: the text before the ellipsis does not end one
	return !strings.ContainsRune(".!?\"”’'", last)
}

// moreLabels are the link labels a teaser card of another article ends in, behind a bar,
// as a text dumper writes the summary and its "more" link on one line.
var moreLabels = map[string]bool{
	"mehr": true, "mehr lesen": true, "weiterlesen": true, "more": true, "read more": true,
	"plus": true, "lire plus": true, "lire la suite": true, "meer": true, "lees meer": true,
	"les mer": true, "läs mer": true, "læs mere": true, "leggi": true, "leer más": true,
}

// isMoreTeaser reports a line that ends in a read-more link label set off by a bar
// ("Summary of another story | mehr"): a teaser card of a list of other articles, in the
// article's margin or under it. An article's sentence does not end in a bar and a label.
// The summary before the bar is a headline's length at least, so a menu row of short
// labels (Home | More) is left to the menu rules.
func isMoreTeaser(b *Block) bool {
	if b.Runes < 30 || b.Runes > 400 {
		return false
	}
	t := strings.TrimRight(b.Text, " ")
	// the bar stands in the last 20 bytes: only they are searched (LastIndexByte reads
	// a byte at a time, and most lines hold no bar)
	from := max(0, len(t)-20)
	bar := strings.LastIndexByte(t[from:], '|')
	if bar < 0 {
		return false
	}
	if bar += from; utf8.RuneCountInString(t[:bar]) < 20 {
		return false
	}
	return moreLabels[strings.ToLower(strings.TrimSpace(t[bar+1:]))]
}

// Doubled-text limits: the repeated text is at least doubledMinBytes long (a doubled
// word of a place name, Baden-Baden, Bora Bora, is shorter), and the line at most
// doubledMaxRunes.
const (
	doubledMinBytes = 8
	doubledMaxRunes = 600
)

// isDoubledText reports a line that is one text repeated, two or three times, with at
// most a separator of spaces and punctuation between the copies ("Some headline Some
// headline", "A: B A: B", "Logo Site Logo Site"). A text dumper writes a link's image alt
// text and the link's own text side by side; where they are the same, the line is a
// teaser card of another article, a logo or an author's card. An article's own sentence
// does not repeat itself whole.
func isDoubledText(b *Block) bool {
	if b.Runes > doubledMaxRunes || b.Kind == BlockImage {
		return false
	}
	return doubledText(b.Text)
}

// doubledText reports whether t is two or three copies of one text of at least
// doubledMinBytes bytes, with at most a separator of three spaces or punctuation marks
// after each copy: t's shortest period p (t[p:] is a prefix of t) is that long and at
// least a third of t. A text of many copies of a short piece is a pattern, not doubled.
func doubledText(t string) bool {
	n := len(t)
	if n < 2*doubledMinBytes || !strings.Contains(t[doubledMinBytes:], t[:doubledMinBytes]) {
		return false // (the first bytes stand again further on in every doubled text)
	}
	if n > doubledMaxRunes*utf8.UTFMax {
		return false
	}
	border := longestBorder(t) // the longest proper prefix of t that is also its suffix
	p := n - border
	if p < doubledMinBytes || 3*p < n || border < p-3 {
		return false
	}
	return sepOnly(t[min(border, p):p]) && hasLetterOrDigit(t[:p])
}

// longestBorder is the length of the longest proper prefix of t that is also a suffix of
// t (Knuth–Morris–Pratt's prefix function at the end of t), in bytes.
// t is at most doubledMaxRunes*utf8.UTFMax bytes long: the table stays on the stack.
func longestBorder(t string) int {
	var table [doubledMaxRunes * utf8.UTFMax]uint16
	pi := table[:len(t)]
	for i := 1; i < len(t); i++ {
		k := pi[i-1]
		for k > 0 && t[i] != t[k] {
			k = pi[k-1]
		}
		if t[i] == t[k] {
			k++
		}
		pi[i] = k
	}
	return int(pi[len(t)-1])
}

// sepOnly reports a separator of spaces and punctuation, possibly empty.
func sepOnly(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) && !unicode.IsPunct(r) && !unicode.IsSymbol(r) {
			return false
		}
	}
	return true
}

func isContactLine(b *Block) bool {
	if b.Runes > 80 {
		return false
	}
	t := strings.TrimSpace(qEmail.ReplaceAllBlock(b, ""))
	if t != b.Text && utf8.RuneCountInString(strings.Trim(t, " ()[]<>·,/|")) <= 2 {
		return true
	}
	return qURLOnly.MatchBlock(b)
}

// buttonLine reports whether t is a row of buttons, and of which kind: once the words of
// the button lists, digits, punctuation and spaces are taken out, at most
// buttonLineMaxRest of its letters may remain.
func buttonLine(t string, runes int) (kind string, ok bool) {
	return buttonLineScan(t, runes, nil)
}

// buttonLineScan is buttonLine with the block's scan of t by ruleLits, when scan is not
// nil: it then reads the pieces of the button words off the scan the rules share.
func buttonLineScan(t string, runes int, scan func() *textScan) (kind string, ok bool) {
	if runes == 0 || runes > buttonLineMaxRunes {
		return "", false
	}
	// the words' pieces, looked for in the line as strings.ToLower makes it; lowering
	// ASCII letters alone makes the same text unless a non-ASCII rune has a lower case
	var own litBits
	lits := &own
	s := t
	switch {
	case hasNonASCIIUpper(t):
		s = strings.ToLower(t)
		ruleLits.m.scan(s, lits)
	case scan != nil:
		lits = scan().lits(ruleLits) // the pieces fold ASCII case
	default:
		ruleLits.m.scan(t, lits)
	}
	// the words that can occur; with none, no word is counted and the line is no row
	cand, ok := buttonIndex.candidates(lits)
	if !ok {
		return "", false
	}
	if s == t {
		// no rune beyond ASCII lowers: lowering the ASCII letters is strings.ToLower
		// (but for bad bytes, which stay, where ToLower writes U+FFFD: neither is a letter
		// nor a piece of a word)
		s = lowerASCIIString(t)
	}
	total := letterCount(s)
	if total == 0 {
		return "", false
	}
	best, bestN := "", 0
	for j, k := range buttonKinds {
		n := 0
		// the kind's words that can occur, in their order
		end := buttonIndex.starts[j+1]
		for i := cand.next(buttonIndex.starts[j]); i >= 0 && i < end; i = cand.next(i + 1) {
			e := &buttonIndex.words[i]
			if c := strings.Count(s, e.w); c > 0 {
				n += c * e.letters
				s = strings.ReplaceAll(s, e.w, " ")
			}
		}
		if n > bestN {
			best, bestN = k, n
		}
	}
	rest := letterCount(s)
	if bestN == 0 || float64(rest) > buttonLineMaxRest*float64(total) {
		return "", false
	}
	// a single common word ("Like", "공유") alone is a button only when the line is short
	return best, true
}

// hasNonASCIIUpper reports whether s holds a non-ASCII rune that unicode.ToLower changes.
func hasNonASCIIUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			for _, r := range s[i:] {
				if r >= 0xAC00 && r <= 0xD7A3 || r >= 0x4E00 && r <= 0x9FFF {
					continue // Hangul syllables and CJK ideographs have no case
				}
				if r >= utf8.RuneSelf && toLower(r) != r {
					return true
				}
			}
			return false
		}
	}
	return false
}

func letterCount(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
				n++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r >= 0xAC00 && r <= 0xD7A3 || unicode.IsLetter(r) { // (Hangul syllables are letters)
			n++
		}
		i += size
	}
	return n
}

func isRelatedHeading(b *Block) bool {
	if b.Runes > 40 || b.SentenceEnd {
		return false
	}
	if b.inLabels(inRelatedHeadings) {
		return true
	}
	k := b.labelKey()
	if k == "" {
		return false // (no suffix or prefix below is empty)
	}
	// "관련 뉴스 더보기", "Most read today"
	if relatedSuffixes.last.has(k[len(k)-1]) { // a key ending in another byte has none of them
		for _, suffix := range relatedSuffixes.words {
			if strings.HasSuffix(k, suffix) && relatedHeadings[strings.TrimSuffix(k, suffix)] {
				return true
			}
		}
	}
	// "More from Sports", "More in Business", "Mehr aus Berlin": a list of one section's
	// stories, named by a short heading
	if relatedPrefixes.first.has(k[0]) { // a key starting with another byte has none of them
		for _, prefix := range relatedPrefixes.words {
			if strings.HasPrefix(k, prefix) && len(strings.Fields(k[len(prefix):])) <= 3 {
				return true
			}
		}
	}
	// "More Washington Examiner": more of a named site or section, every word capitalised
	if strings.HasPrefix(b.Text, "More ") && len(strings.Fields(b.Text)) <= 4 && lowerShare(b.Text) == 0 {
		return true
	}
	return false
}

// The suffixes and prefixes that isRelatedHeading reads a label key for, with the bytes
// they end (start) with.
var (
	relatedSuffixes = newAffixes(" 더보기", " more", " today", " now")
	relatedPrefixes = newAffixes("also on ", "more from ", "more in ", "more on ", "more stories from ", "mehr aus ", "mehr zu ", "plus de ", "más de ", "meer over ")
)

type affixes struct {
	words       []string
	first, last byteSet // the first and the last bytes of words
}

// newAffixes makes the affixes of words, none of them empty.
func newAffixes(words ...string) affixes {
	a := affixes{words: words}
	for _, w := range words {
		a.first.add(w[0])
		a.last.add(w[len(w)-1])
	}
	return a
}

func isTickerHeader(b *Block) bool {
	if b.Runes > 30 || b.SentenceEnd {
		return false
	}
	if b.inLabels(inMarketHeaders) {
		return true
	}
	// a legend of a ticker table: "* 24시간 변동률 기준"
	return strings.Contains(b.Text, "기준") && (strings.Contains(b.Text, "변동률") || strings.Contains(b.Text, "등락률") || strings.Contains(b.Text, "시세"))
}

func isTickerLine(b *Block) bool {
	if b.Runes > shortLineRunes || b.SentenceEnd || b.Runes == 0 {
		return false
	}
	// a cell holds an ASCII digit: most short lines hold none, and are not counted
	if t := b.Text; containsDigit(t) {
		num, other := 0, 0
		for i := 0; i < len(t); {
			var k uint8
			if c := t[i]; c < 0x80 {
				k, i = tickerClasses.ASCII[c], i+1
			} else {
				k, i = tickerClasses.Beyond(t, i)
			}
			switch k {
			case tickerNum:
				num++
			case tickerOther:
				other++
			}
		}
		if num > 0 && float64(num) >= tickerNumericShare*float64(num+other) && (strings.ContainsAny(t, "%▲▼△▽↑↓") || strings.Contains(t, ",") || other == 0) {
			return true
		}
	}
	return b.inLabels(inMarketAssets)
}

// The classes of runes in a ticker line.
const (
	tickerSpace = iota
	tickerNum   // a digit, sign or arrow
	tickerOther
)

// tickerClass is the class of a rune of a ticker line.
func tickerClass(r rune) uint8 {
	switch {
	case unicode.IsSpace(r):
		return tickerSpace
	case unicode.IsDigit(r) || strings.ContainsRune(",.%+-−▲▼△▽↑↓", r):
		return tickerNum
	}
	return tickerOther
}

var tickerClasses = scan.NewRuneClasser(tickerClass)

func containsDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// nearestHint reads a block's class and id tokens from the nearest element outwards: the
// first that names boilerplate gives its kind; one that names an article or body
// container first means the block sits inside the article, whatever encloses that.
//
// A consent dialog is the exception: its panels are named "content" or "body" too, but a
// cookie or consent container anywhere above a block holds no article, so its kind wins
// over a nearer positive name.
func nearestHint(hints string) string { return nearestHintWith(hints, nil) }

// nearestHintWith is nearestHint with the tokens' verdicts looked up in memo first (and
// added to it); memo may be nil.
func nearestHintWith(hints string, memo map[string]tokenHint) string {
	kind, inside := "", false
	lastTokens(hints, func(tok string) bool {
		k := tokenHintOf(tok, memo)
		if inside {
			if k.negative == hintConsent {
				kind = hintConsent
				return true
			}
			return false
		}
		if kind = k.negative; kind != "" {
			return true
		}
		inside = k.inside
		return false
	})
	return kind
}

// tokenHint is what nearestHint needs to know of one token.
type tokenHint struct {
	negative string // the kind of boilerplate it names, if any
	inside   bool   // it names an article or body container
}

// tokenHintMemoMax bounds a tokenHintOf memo: it is emptied when full.
const tokenHintMemoMax = 4096

// tokenHintOf reads one class/id token's verdict for nearestHint, through memo when it is
// not nil: a page's class names repeat on every block, and across the pages of a site.
func tokenHintOf(tok string, memo map[string]tokenHint) tokenHint {
	if memo != nil {
		if h, ok := memo[tok]; ok {
			return h
		}
	}
	k := tokenKinds(tok) // negativeToken, bodyContainerToken and positiveWords at once
	h := tokenHint{negative: k[listNegative], inside: k[listBody] != "" || k[listPositive] != ""}
	if memo != nil {
		if len(memo) >= tokenHintMemoMax {
			clear(memo)
		}
		memo[strings.Clone(tok)] = h
	}
	return h
}

// hintConsent is the kind of a cookie or consent container's class or id.
const hintConsent = "cookie/gdpr"

// copyrightMention reports a sentence that speaks of copyright, not a notice: the
// lower-case word inside a sentence of some length ("Who holds the copyright on a
// model's output?"), with no sign, year or reserved rights.
func copyrightMention(b *Block) bool {
	return b.SentenceEnd && b.Runes >= copyrightMentionMinRunes && !reCopyrightMark.MatchString(b.Text)
}

// copyrightMentionMinRunes is the shortest sentence that copyrightMention takes for prose.
const copyrightMentionMinRunes = 40

// disclaimerShortRunes is the longest line that one disclaimer formula makes a
// disclaimer; a longer block needs two (an article may say "past performance is no
// guarantee" once).
const disclaimerShortRunes = 120

// isDisclaimer reports a legal disclaimer: a short line with one of its formulas, or a
// block with two different ones.
func isDisclaimer(b *Block) bool {
	if b.Runes > disclaimerMaxRunes || !qDisclaimer.MatchBlock(b) {
		return false
	}
	var ms []string
	for _, at := range reDisclaimer.FindAllStringIndex(b.Text, -1) {
		m := b.Text[at[0]:at[1]]
		if strings.EqualFold(m[max(len(m)-6, 0):], "advice") && !reNegation.MatchString(b.Text[max(at[0]-disclaimerNegationReach, 0):at[0]]) {
			continue // advice spoken of, not disclaimed
		}
		ms = append(ms, m)
	}
	if len(ms) == 0 {
		return false
	}
	if b.Runes <= disclaimerShortRunes {
		return true
	}
	for _, m := range ms[1:] {
		if !strings.EqualFold(m, ms[0]) {
			return true
		}
	}
	return false
}

// reNegation: the words that make "… advice" a disclaimer ("does not constitute
// financial advice", "no legal advice"); disclaimerNegationReach bytes before it.
var reNegation = regexp.MustCompile(`(?i)\b(?:not|no|nor|never)\b`)

const disclaimerNegationReach = 40

// disclaimerMaxRunes is the longest block isDisclaimer judges: a page of terms is longer.
const disclaimerMaxRunes = 1500

func hasLetterOrDigit(s string) bool {
	for _, r := range s {
		if uint32(r) < lowRunes {
			if lowRune[r]&lowLetterDig != 0 {
				return true
			}
		} else if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}
