package extract

// PassRules returns the verdicts of the quality, context and assembly passes, which no
// built-in Rule gives: their names as blocks carry them, with a kind and a description for
// `artclean rules`. They cannot be disabled.
func PassRules() []Rule { return passRules }

var passRules = []Rule{
	{Name: RuleProse, Kind: "quality", Desc: "long enough, and reads like sentences (stop words, or Korean endings)"},
	{Name: RuleNearProse, Kind: "quality", Desc: "reads like sentences but is short: body if its neighbours are"},
	{Name: RuleShort, Kind: "quality", Desc: "too short to judge alone: its neighbours decide"},
	{Name: RuleHintedProse, Kind: "quality", Desc: "prose in an element whose class or id names boilerplate (widget, sidebar, video …) but that holds a run of prose paragraphs: the hint is outweighed (never for comments, consent, related or most-read lists)"},
	{Name: RuleLowQuality, Kind: "quality", Desc: "long but not prose: few stop words or endings"},
	{Name: RuleCode, Kind: "quality", Desc: "preformatted text (<pre>) that reads as no language: code, a command and its output, a configuration; its neighbours decide, as for a short block"},
	{Name: "image", Kind: "quality", Desc: "an image: body when it lies among body blocks"},
	{Name: RuleContext, Kind: "context", Desc: "revised from its neighbours: a short block, or a paragraph cut off with an ellipsis, between body paragraphs, or closing the article element after one (a preview cut at a paywall), is body"},
	{Name: RuleShortRun, Kind: "nav", Desc: "a line in a run of more than 20 short lines of a word or two (a menu, a programme, a tag cloud) that the context pass took in"},
	{Name: RuleRepeatedLabel, Kind: "nav", Desc: "a label of three words or fewer that the page repeats three times or more among the body's paragraphs (Advertisement, Article content)"},
	{Name: RuleTickerRun, Kind: "ticker", Desc: "a short name or label between ticker cells"},
	{Name: RuleRelatedList, Kind: "related-list", Desc: "an item of the list under a related-news heading"},
	{Name: RuleCardList, Kind: "related-list", Desc: "the teaser of a card in a list of other articles (linked headline, date or author, teaser), three cards or more; or a lone card's teaser inside the article's element (Next story, Previous story), which the container pass does not take in"},
	{Name: RuleDatedLinks, Kind: "related-list", Desc: "a line of a list of other stories, each its date and its linked headline, three or more in a row: not the page's date"},
	{Name: RuleMarkerList, Kind: "related-list", Desc: "a run of ▲-lines that is a list of briefs, not a caption"},
	{Name: RuleTextCaption, Kind: "caption", Desc: "in a text dump, a photo's caption in the body: the line right above the photo's credit, with the body going on below it"},
	{Name: RuleAISummary, Kind: "ai-summary", Desc: "a point of the summary box next to a note that a language model wrote it, and the box's heading"},
	{Name: RuleDataList, Kind: "context", Desc: "a row of a list of data the article introduces with a colon (a schedule's dates and places, products with prices): a line shorter than a paragraph with a figure in it; or a cell of a table a text dump flattened one cell a line, between two body paragraphs"},
	{Name: RuleSectionLinks, Kind: "context", Desc: "an item of a list of links that the page's text opens (a section heading or a paragraph ending in a colon right before the list, not in the navigation, header, footer or an aside: the guides of a topic, a wiki's reading list): left to its neighbours as a short block, so that it is body between body text"},
	{Name: RuleCodeBlock, Kind: "context", Desc: "a preformatted block (<pre>: a code listing, a console session) between body blocks, which the quality pass reads as no prose"},
	{Name: RuleListingItem, Kind: "listing", Desc: "a block of an item of the page's main list (the most text in sibling elements of one shape, four or more, most holding a link, not rows of menu links, not inside a nav element or a menu's role), on a page whose own kept text is under two thirds of what the list adds (a fifth when the page bears a publication time in its metadata or in one or two date lines; never on a page with a story's length of text of its own, nor, for a list mostly outside article elements, on a dated post: prose inside an article element right under the page's declared headline, on a page that bears a publication time): a category, shop shelf, job board or calendar"},
	{Name: RuleProseFallback, Kind: "context", Desc: "a block of the page's best run of prose, judged by its own length and language (a teaser's ellipsis or a class hint set aside), taken as the body when the passes kept nothing or less than a quarter of that run"},
	{Name: RulePostBody, Kind: "context", Desc: "a block of the post's element (entry-content, post-body, <article> …) right under a heading that shows the page's declared headline (og:title or <title>, whole or the part beside a blog's or site's name), taken as the body when the passes kept nothing inside it and less than a sidebar blurb's length elsewhere (comment threads not counted): a post of a line or two"},
	{Name: RuleOutsidePost, Kind: "context", Desc: "a block the passes kept outside the post's element, dropped when that element's text is taken as the body (post-element): a sidebar's blurb, a reader's comment"},
	{Name: RuleOutside, Kind: "context", Desc: "before or after the region where the body blocks cluster"},
	{Name: RuleProseBox, Kind: "context", Desc: "prose that the region's span left out, inside the element holding most of the page's prose (the other posts of a thread, the sections of a long page), unless it follows the start of a comment section"},
	{Name: RuleContainer, Kind: "context", Desc: "outside the element that holds the article body"},
	{Name: RuleInContainer, Kind: "context", Desc: "a short block inside the element that holds the article body, among body paragraphs"},
	{Name: RuleParagraphSibling, Kind: "context", Desc: "a paragraph (<p>) of the element whose paragraphs hold the article's text: a short line, a list written as a line or a sentence with linked names"},
	{Name: RuleBrLine, Kind: "context", Desc: "a line of an element that <br> cuts into lines (a paragraph of facts: \"Date: …\", \"Venue: …\"), one line of which is body: the element's other lines go with it unless a named rule dropped them or they are mostly links"},
	{Name: RuleListMate, Kind: "context", Desc: "an item of a list that is mostly link text, when two or more of the list's other items, and at least three in ten of all, are the article's prose: a list of changes or steps linking its items to their sources"},
	{Name: RuleCommentSection, Kind: "comment", Desc: "a block inside a comment section (an element above it names comments, whatever the nearer classes) after the article, on a page whose body text stands mostly outside comment sections"},
	{Name: RuleLoose, Kind: "context", Desc: "a sentence taken in the fallback, when nothing else read as an article"},
	{Name: RuleAuthorBio, Kind: "author-bio", Desc: "a note on the article's author in the second half of the body: an author's name in its first words, then a form of \"to be\" (Jane Roe is a correspondent …); or an author box: \"About Jane Roe\", the name, a note naming her"},
	{Name: RuleTitle, Kind: "metadata", Desc: "the headline"},
	{Name: RuleSubtitle, Kind: "metadata", Desc: "a deck line under the headline"},
	{Name: RuleStandfirst, Kind: "metadata", Desc: "the page's description shown as a summary above the byline or date line, not the first paragraph"},
	{Name: RuleDuplicate, Kind: "duplicate", Desc: "a block repeated verbatim (an image's alt text and its caption)"},
	{Name: RuleEmbedded, Kind: "metadata", Desc: "body text taken from the page's data (JSON-LD articleBody, script JSON)"},
	{Name: RuleEmbeddedGuide, Kind: "metadata", Desc: "a block of the page that the page's embedded body holds, taken as body when the page's own text covers that body"},
}
