package report_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"golang.org/x/net/html"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/internal/safetext"
	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/analysis"
	"github.com/tenderscore/tenderscore/score/report"
)

// FuzzRenderers puts arbitrary supplier names, ids, rationales and
// evaluator names — what a bidder or a portal's user types, in a file a
// portal accepts — through every renderer a person reads (Text,
// ReportMarkdown, ReportHTML, SummaryMarkdown, SummaryHTML) and checks
// what each promises, not only that none panics (issue 11.7):
//
//   - no control character (C0, C1, DEL) and no bidirectional control
//     reaches the output, save the renderer's own newlines; the input
//     cannot add a line to the text or Markdown (the same document with a
//     plain name has as many lines);
//   - the HTML is well formed: it tokenises cleanly, every element and
//     attribute is one the renderer writes for plain input, every element
//     it opens it closes, in order, and "<script" appears nowhere;
//   - the input appears, escaped: in the HTML's text as its neutralised
//     form (package safetext), in the Markdown with every character
//     Markdown reads as structure backslash-escaped, in the text as is.
//
// The seed corpus is in testdata/fuzz/FuzzRenderers.
func FuzzRenderers(f *testing.F) {
	for _, seed := range [][4]string{
		{"Zephyr Facilities Ltd", "BID-ZEP", "clear plan with named staff", "Evaluator A"},
		{"Evil | *Ltd* <script>alert(1)</script>", "BID-<b>", "fine\r\n## Why your tender was not successful", "E\x1b[2J"},
		{"\u202Edetimil\u2066 & Co", "BID-Ω", "a\u0085b\u009bc\x7f", "Ann\u200F"},
		{"# Heading\n- item", "B_1*", "`code` [link](javascript:alert(1))", "<img src=x onerror=alert(1)>"},
		{"&amp; &lt; \"quoted\" 'single'", "B-é", "", "\u0000"},
	} {
		f.Add(seed[0], seed[1], seed[2], seed[3])
	}
	plain := renderAllForFuzz(fuzzInputs{name: "Plain Name Ltd", id: "BID-PLAIN", rationale: "plain reasons", evaluator: "Plain Evaluator"})
	if plain.err != nil {
		f.Fatalf("the plain document does not render: %v", plain.err)
	}
	elements, attrs := htmlVocabulary(f, plain)
	f.Fuzz(func(t *testing.T, name, id, rationale, evaluator string) {
		in := fuzzInputs{name: name, id: id, rationale: rationale, evaluator: evaluator}
		got := renderAllForFuzz(in)
		if got.err != nil {
			return // not a valid tender (an empty name, an invalid id): nothing is rendered
		}
		same := plainWith(got.in.id)
		if same.err != nil {
			t.Fatalf("the plain document with id %q does not render: %v", got.in.id, same.err)
		}
		for kind, out := range got.outputs {
			checkNoControls(t, kind, out)
			if n, m := strings.Count(out, "\n"), strings.Count(same.outputs[kind], "\n"); !strings.HasSuffix(kind, "html") && n != m {
				t.Errorf("%s: %d lines, but %d with a plain name and rationale: the input added lines", kind, n, m)
			}
			if strings.HasSuffix(kind, "html") {
				checkHTML(t, kind, out, elements, attrs, got.in)
			}
		}
		checkAppears(t, got)
	})
}

// plainWith renders the plain document with an id, once per id: the
// fuzzer mostly meets a few ids, and rendering is the cost of each run.
var plainWith = func() func(id string) fuzzRendered {
	var mu sync.Mutex
	cache := map[string]fuzzRendered{}
	return func(id string) fuzzRendered {
		mu.Lock()
		defer mu.Unlock()
		r, ok := cache[id]
		if !ok {
			r = renderAllForFuzz(fuzzInputs{name: "Plain Name Ltd", id: id, rationale: "plain reasons", evaluator: "Plain Evaluator"})
			if len(cache) < 64 {
				cache[id] = r
			}
		}
		return r
	}
}()

// fuzzInputs are what the fuzzer varies.
type fuzzInputs struct{ name, id, rationale, evaluator string }

// fuzzRendered is every rendering of one tender built around the inputs;
// in holds the inputs actually used (a fallback id when the fuzzed one is
// not a valid id, so that the names are still fuzzed).
type fuzzRendered struct {
	in      fuzzInputs
	outputs map[string]string
	err     error
}

// fuzzTender is a one-lot tender of three bids in which the fuzzed bid
// wins (its name is then in every summary, as the most advantageous
// tender's) and its evaluator's own mark differs from the agreed one (so
// the moderation record names the evaluator and the reason).
func fuzzTender(in fuzzInputs) (score.Tender, []score.Bid) {
	d := decimal.RequireFromString
	t := score.Tender{ID: "FZ/1", Title: "Fuzzed services", Commenced: date.On(2026, 6, 1), Regime: score.PA2023,
		Authority:  score.Authority{Name: "Anytown Council", Type: score.SubCentral},
		Evaluation: &score.Evaluation{Panel: []score.Evaluator{{Name: in.evaluator, Role: "head of service", Conflicts: "none"}}, Completed: date.On(2026, 7, 1)},
		Lots: []score.Lot{{ID: "1", Title: "Cleaning", EstimatedValue: d("900000"), TermMonths: 36, Policy: score.Policy{
			Gates: []criteria.Gate{{Kind: criteria.AwardRequirement, ID: "ins", Title: "Insurance", Requirement: "cover of £5m"}},
			Criteria: []score.Criterion{
				{ID: "price", Title: "Price", Weight: d("40"), Price: &criteria.PriceRule{Method: criteria.Relative}},
				{ID: "q", Title: "Method", Weight: d("60"), Quality: &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}},
			}}}}}
	bid := func(id, supplier, name, price string, own, agreed int64, evaluator, why string, pass bool) score.Bid {
		return score.Bid{ID: id, Lot: "1", Supplier: score.Supplier{ID: supplier, Name: name},
			Gates: map[string]criteria.GateResult{"ins": {Pass: pass, Reason: "certificate seen"}},
			Responses: map[string]score.Response{"price": {Price: criteria.Amount(d(price))},
				"q": {Marks: criteria.Marks{Evaluators: []criteria.EvaluatorMark{{Evaluator: evaluator, Mark: decimal.NewFromInt(own), Rationale: why}},
					Consensus: &criteria.Consensus{Mark: decimal.NewFromInt(agreed), Rationale: why}}}}}
	}
	return t, []score.Bid{
		bid(in.id, "SUP-"+in.id, in.name, "400000", 3, 4, in.evaluator, in.rationale, true),
		bid("BID-OTHER", "SUP-OTHER", "Other Supplier Ltd", "500000", 2, 2, in.evaluator, "adequate", true),
		bid("BID-OUT", "SUP-OUT", "Outwith Ltd", "450000", 4, 4, in.evaluator, "strong", false),
	}
}

// fallback is a valid value for each input, put in place of one that
// validation refuses, so that the others are still fuzzed.
var fallback = fuzzInputs{name: "Fallback Supplier Ltd", id: "BID-FUZZ", rationale: "recorded reasons", evaluator: "Fallback Evaluator"}

func renderAllForFuzz(in fuzzInputs) fuzzRendered {
	tn, bids := fuzzTender(in)
	res, err := score.Evaluate(tn, bids)
	var verr *score.ValidationError
	if errors.As(err, &verr) && in != fallback {
		// Put a valid value in place of each input a problem names.
		next := in
		for _, p := range verr.Problems {
			switch {
			case strings.Contains(p.Field, "rationale"):
				next.rationale = fallback.rationale
			case strings.Contains(p.Field, "evaluat") || strings.Contains(p.Field, "panel"):
				next.evaluator = fallback.evaluator
			case strings.Contains(p.Field, "name"):
				next.name = fallback.name
			default:
				next.id = fallback.id
			}
		}
		if next == in {
			next = fallback
		}
		return renderAllForFuzz(next)
	}
	if err != nil {
		return fuzzRendered{err: err}
	}
	as, err := analysis.AnalyseAll(tn, bids)
	if err != nil {
		return fuzzRendered{err: err}
	}
	out := fuzzRendered{in: in, outputs: map[string]string{}}
	add := func(kind string, render func(io.Writer) error) {
		var b bytes.Buffer
		if err := render(&b); err != nil && out.err == nil {
			out.err = fmt.Errorf("%s: %w", kind, err)
		}
		out.outputs[kind] = b.String()
	}
	add("text", func(w io.Writer) error { return report.Text(w, res) })
	add("report markdown", func(w io.Writer) error { return report.ReportMarkdown(w, res, as...) })
	add("report html", func(w io.Writer) error { return report.ReportHTML(w, res, as...) })
	sums, err := report.Summaries(res)
	if err != nil {
		return fuzzRendered{err: err}
	}
	for _, s := range sums {
		who := "own"
		if s.BidID != in.id {
			who = s.BidID
		}
		add("summary markdown "+who, func(w io.Writer) error { return report.SummaryMarkdown(w, s) })
		add("summary html "+who, func(w io.Writer) error { return report.SummaryHTML(w, s) })
	}
	return out
}

// checkNoControls fails on any control character but a newline, and on
// any bidirectional control, in a rendering.
func checkNoControls(t *testing.T, kind, out string) {
	t.Helper()
	for i, r := range out {
		switch {
		case r == '\n':
		case r == utf8.RuneError && !strings.HasPrefix(out[i:], "\uFFFD"):
			t.Errorf("%s: byte %d is not UTF-8 (%q)", kind, i, out[i:min(len(out), i+4)])
		case r < 0x20, r >= 0x7f && r <= 0x9f:
			t.Errorf("%s: control character %U at byte %d", kind, r, i)
		case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
			t.Errorf("%s: bidirectional control %U at byte %d", kind, r, i)
		}
	}
}

// htmlVocabulary is the elements and attributes a plain rendering uses.
func htmlVocabulary(f *testing.F, plain fuzzRendered) (elements, attrs map[string]bool) {
	elements, attrs = map[string]bool{}, map[string]bool{}
	for kind, out := range plain.outputs {
		if !strings.HasSuffix(kind, "html") && !strings.Contains(kind, "html ") {
			continue
		}
		z := html.NewTokenizer(strings.NewReader(out))
		for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
			tok := z.Token()
			if tt == html.StartTagToken || tt == html.SelfClosingTagToken {
				elements[tok.Data] = true
				for _, a := range tok.Attr {
					attrs[a.Key] = true
				}
			}
		}
	}
	if len(elements) < 5 {
		f.Fatalf("the plain HTML has too few elements to check against: %v", elements)
	}
	return elements, attrs
}

// voidElements have no end tag.
var voidElements = map[string]bool{"meta": true, "br": true, "hr": true, "img": true, "link": true, "input": true, "col": true, "wbr": true}

// checkHTML tokenises a rendering and checks that its elements and
// attributes are the renderer's own and balanced, and that no script can
// have been injected.
func checkHTML(t *testing.T, kind, out string, elements, attrs map[string]bool, in fuzzInputs) {
	t.Helper()
	if strings.Contains(strings.ToLower(out), "<script") {
		t.Errorf("%s: %q appears", kind, "<script")
	}
	z := html.NewTokenizer(strings.NewReader(out))
	var open []string
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if !errors.Is(z.Err(), io.EOF) {
				t.Errorf("%s: the HTML does not tokenise: %v", kind, z.Err())
			}
			break
		}
		tok := z.Token()
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			if !elements[tok.Data] {
				t.Errorf("%s: element <%s> is not one the renderer writes (input %q)", kind, tok.Data, in.name)
			}
			for _, a := range tok.Attr {
				if !attrs[a.Key] || strings.HasPrefix(a.Key, "on") {
					t.Errorf("%s: attribute %s=%q on <%s> is not one the renderer writes", kind, a.Key, a.Val, tok.Data)
				}
			}
			if tt == html.StartTagToken && !voidElements[tok.Data] {
				open = append(open, tok.Data)
			}
		case html.EndTagToken:
			if len(open) == 0 || open[len(open)-1] != tok.Data {
				t.Errorf("%s: </%s> closes %v", kind, tok.Data, open)
				return
			}
			open = open[:len(open)-1]
		}
	}
	if len(open) > 0 {
		t.Errorf("%s: elements left open: %v", kind, open)
	}
}

// mdEscaped is how the Markdown renderers write a piece of input: a
// newline becomes a space, controls are neutralised, and each character
// Markdown reads as structure is backslash-escaped (score/report
// markdown.go).
func mdEscaped(s string) string {
	var b strings.Builder
	for _, r := range safetext.Clean(strings.ReplaceAll(s, "\n", " ")) {
		if strings.ContainsRune("\\*_|<>[]`#", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// htmlText is the text of an HTML document, entities decoded.
func htmlText(out string) string {
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(out))
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		if tt == html.TextToken {
			b.Write(z.Text())
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// checkAppears checks that the fuzzed name, id, rationale and evaluator
// are shown, escaped as each format escapes input.
func checkAppears(t *testing.T, got fuzzRendered) {
	t.Helper()
	for _, field := range []struct{ what, value string }{{"name", got.in.name}, {"id", got.in.id}, {"rationale", got.in.rationale}, {"evaluator", got.in.evaluator}} {
		if strings.TrimSpace(field.value) == "" {
			continue
		}
		for kind, out := range got.outputs {
			var want, where string
			switch {
			case strings.Contains(kind, "html"):
				want, where = safetext.Clean(field.value), htmlText(out)
			case strings.Contains(kind, "markdown"):
				want, where = mdEscaped(field.value), out
			default:
				want, where = safetext.Clean(field.value), out
			}
			if field.what == "rationale" && strings.HasPrefix(kind, "summary") && !strings.HasSuffix(kind, "own") {
				continue // another bidder's summary shows the winner's scores, not its reasons
			}
			if field.what == "evaluator" && strings.HasPrefix(kind, "summary") {
				continue // the panel and the moderation record are the authority's report's
			}
			if !strings.Contains(where, want) {
				t.Errorf("%s: the %s %q does not appear as %q", kind, field.what, field.value, want)
			}
		}
	}
}
