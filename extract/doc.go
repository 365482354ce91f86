// Package extract turns a raw news or blog page — HTML, or the text a scraper dumped from
// it — into the article alone: title, subtitles, bylines, times, body, captions.
//
// # The pipeline
//
//  1. Read (internal/input): take off gzip, refuse binary data, decode to UTF-8.
//  2. Segment: SegmentHTML (html.go, over the tree of internal/htmltree) or segmentText
//     (text.go) cuts the page into Blocks, one model for both, and reads the declared
//     metadata (htmlmeta.go, jsonld.go; bodies kept in scripts: nextflight.go, noscript.go).
//  3. Features (features.go, words.go, stoplang.go): length, link density, stop words,
//     sentence ends, class/id hints of every block.
//  4. Classify (classify.go): the context-free rules (rules.go, their names in
//     rulenames.go) give each block a verdict and the rule's name; the quality pass judges
//     the rest by length × language. classifyContext lists the passes that follow, in order.
//  5. Context passes revise the verdicts from the neighbours and the page's structure:
//     the neighbours (context.go), tickers, related and card lists (lists.go), the region
//     and its end signals (region.go, endsignals.go), the element that holds the article
//     (container.go, regionbox.go), class hints as evidence (hintevidence.go, hidden.go),
//     captions and summary boxes (captions.go), references (references.go), listing pages
//     (listing.go), links of a section (sectionlinks.go), fallbacks that never leave a
//     page with prose empty (fallback.go, postbody.go, productbox.go,
//     productlist.go).
//  6. Favor (favor.go) moves the balance for --favor precision or recall.
//  7. Assemble (assemble.go): the title and subtitles (title.go), the bylines, decks and
//     author notes (bylines.go), the times (dates.go) and the body (body.go).
//
// Every block that is dropped carries the name of the rule that dropped it (Block.Rule);
// `artclean rules` lists them all: Rules() for the context-free ones, PassRules() for the
// passes'.
//
// # Where things live
//
//   - Word lists are data, in words/*.txt (one entry a line; words/stoplists from
//     stopwords-iso), embedded by words.go and hints.go.
//   - Thresholds are named (unexported) constants beside the pass that uses them, each
//     with why.
//   - A user's own rules (artclean --rules) come in through Options.Rules (UserRules);
//     the rules file's reader is the package extract/rulesfile, which this one does not
//     import.
//
// # Adding a rule for a new kind of boilerplate
//
// Say pages end their articles with "Was this article helpful? Yes No". That is a kind of
// block recognisable by its own text, so it is a context-free rule:
//
//  1. Write the pattern where its kind's patterns are (rules.go's var block: reFeedback),
//     or a word list under words/ when it is a list of labels; give it its prefiltered
//     twin in prefilter.go's var block (qFeedback = quick(reFeedback)), which runs the
//     regexp only on text that holds its literals.
//  2. Add an entry to builtinRules (rules.go) at the place in the order where it should
//     win: {Name: ruleFeedbackPrompt, Kind: "buttons", Desc: "…", match: func(b *Block)
//     bool { return b.Runes <= 60 && qFeedback.MatchBlock(b) }}, with the name declared
//     once in rulenames.go (ruleFeedbackPrompt RuleName = "feedback-prompt"). The name is
//     what --explain shows and what a rules file's disable: list refers to; code that
//     asks which rule decided a block compares with the constant, never a string.
//  3. Add a test with made-up text (rules_test.go) and, when the kind needs a page to be
//     seen, a golden case under testdata/cases.
//
// A kind that only its neighbours reveal (a run of teaser cards, a list under a heading)
// is a context pass instead: give it a rule… name constant (a RuleName beside the pass),
// list it in passRules (passrules.go), and set a block's verdict through the block's
// judge, place or recast method with that name.
package extract
