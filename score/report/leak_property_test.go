package report_test

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/report"
)

// The generative leak tests exist because the keyword searches of
// TestSummariesRevealNoOtherLosingBidder only look for what one fixture
// happens to contain (issue 11.3): here rapid draws whole fields of bids
// — 2 to 8 bids a lot, relative, linear and deduction prices, a social
// value criterion relative to the best, quality questions, gate failures,
// a maximum budget, fields where every price is the same or nobody commits
// any social value — with distinctive supplier names, ids and prices, and
// every bidder's summary, in every format, is searched for what it must not
// show (Procurement Act 2023 s.50 and the Procurement Regulations 2024 reg
// 31 require the bidder's own scores and the most advantageous tender's,
// nothing of any other bidder; DESIGN.md invariant 6).

// leakBidder is one drawn bidder: its token (in its name and both ids) and
// price.
type leakBidder struct {
	lot, token string
	price      decimal.Decimal
}

func (b leakBidder) bidID() string      { return "BID-" + b.token }
func (b leakBidder) supplierID() string { return "SUP-" + b.token }
func (b leakBidder) name() string       { return b.token + " Ltd" }

// moneyForms are the ways a renderer writes an amount: £1,234,567.89,
// 1234567.89, 1,234,567.89 (see figures in summary_test.go).
func moneyForms(p decimal.Decimal) []string {
	return []string{exact.Money(p), exact.Plain(p), exact.Group(p, 0), exact.Group(p, 2), p.StringFixed(2)}
}

// leakField is a drawn tender, its bids and who is who.
type leakField struct {
	tender  score.Tender
	bids    []score.Bid
	bidders map[string]leakBidder // by bid id
}

var smeMeasure = criteria.Measure{Code: "SME-SPEND", Description: "Contract spend with SMEs", Unit: criteria.UnitPounds,
	Proxy: decimal.RequireFromString("0.1"), Source: "fictional proxy value", Year: 2026}

// drawLeakField draws one to three lots. A token is a capital, a small
// letter, a digit, a capital, a small letter and a two-digit serial
// ("Zq7Kx03"): unlike any word the renderers write, and unique.
func drawLeakField(t *rapid.T) leakField {
	f := leakField{bidders: map[string]leakBidder{}}
	f.tender = score.Tender{ID: "LEAK/2026/1", Title: "Drawn services", Commenced: date.On(2026, 6, 1), Regime: score.PA2023,
		Authority: score.Authority{Name: "Anytown Borough Council", Type: score.SubCentral}}
	serial := 0
	usedPounds := map[int64]bool{}
	for li := range rapid.IntRange(1, 3).Draw(t, "lots") {
		lot := fmt.Sprintf("L%d", li+1)
		method := rapid.SampledFrom([]criteria.PriceMethod{criteria.Relative, criteria.Linear, criteria.Deduction}).Draw(t, lot+".method")
		rule := criteria.PriceRule{Method: method}
		if method == criteria.Deduction {
			rule.Rate = decimal.NewFromInt(int64(rapid.IntRange(1, 3).Draw(t, lot+".rate")))
		}
		questions := rapid.IntRange(1, 2).Draw(t, lot+".questions")
		withSV := rapid.Bool().Draw(t, lot+".sv")
		n := rapid.IntRange(2, 8).Draw(t, lot+".bids")
		samePrice := rapid.IntRange(0, 3).Draw(t, lot+".samePrice") == 0
		nobodyCommits := rapid.IntRange(0, 3).Draw(t, lot+".nobodyCommits") == 0

		var bidders []leakBidder
		var shared decimal.Decimal
		for i := range n {
			serial++
			token := rapid.StringMatching(`[A-Z][a-z][0-9][A-Z][a-z]`).Draw(t, "token") + fmt.Sprintf("%02d", serial)
			// Pounds from 100,000 to 999,999, distinct across the tender,
			// and pence from .11 to .99 not ending in 0, so that no price
			// is a substring of another's.
			pounds := rapid.Int64Range(100000, 999999).Draw(t, "pounds")
			for usedPounds[pounds] {
				pounds = 100000 + (pounds+7)%900000
			}
			usedPounds[pounds] = true
			pence := rapid.SampledFrom([]int64{11, 23, 37, 41, 59, 63, 77, 89, 97}).Draw(t, "pence")
			price := decimal.New(pounds*100+pence, -2)
			if samePrice {
				if i == 0 {
					shared = price
				}
				price = shared
			}
			bidders = append(bidders, leakBidder{lot: lot, token: token, price: price})
		}
		if mode := rapid.IntRange(0, 2).Draw(t, lot+".budget"); mode > 0 {
			// A budget a penny above one of the prices, so that some bids
			// may be over it; the budget is published, and a penny more
			// keeps it from being any bidder's price.
			sorted := slices.SortedFunc(slices.Values(bidders), func(a, b leakBidder) int { return a.price.Cmp(b.price) })
			rule.MaxBudget = sorted[rapid.IntRange(0, n-1).Draw(t, lot+".budgetAt")].price.Add(decimal.New(1, -2))
			rule.OverBudget = []criteria.OverBudget{criteria.ScoreZeroOverBudget, criteria.DisqualifyOverBudget}[mode-1]
		}
		f.tender.Lots = append(f.tender.Lots, leakLot(lot, rule, questions, withSV))
		for _, b := range bidders {
			f.bidders[b.bidID()] = b
			f.bids = append(f.bids, leakBid(t, b, questions, withSV, nobodyCommits))
		}
	}
	return f
}

func leakLot(id string, price criteria.PriceRule, questions int, withSV bool) score.Lot {
	d := decimal.RequireFromString
	var qs []score.Criterion
	for i := range questions {
		qs = append(qs, score.Criterion{ID: fmt.Sprintf("q%d", i+1), Title: fmt.Sprintf("Question %d", i+1), Weight: decimal.NewFromInt(int64(100 / questions)),
			Quality: &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}})
	}
	if questions == 2 {
		qs[1].Weight = d("50")
	}
	cs := []score.Criterion{
		{ID: "price", Title: "Price", Weight: d("40"), Price: &price},
		{ID: "quality", Title: "Quality", Weight: d("60"), Children: qs},
	}
	if withSV {
		cs[1].Weight = d("40")
		cs = append(cs, score.Criterion{ID: "sv", Title: "Social value", Weight: d("20"), SocialValue: &criteria.SocialValueRule{
			Catalogue: criteria.Catalogue{Measures: []criteria.Measure{smeMeasure}},
			Basis:     criteria.BasisProxyValue, Method: criteria.RelativeToBest, WithoutMethodStatement: criteria.CountUnsupported}})
	}
	return score.Lot{ID: id, Title: "Lot " + id, EstimatedValue: d("900000"), TermMonths: 36, Policy: score.Policy{
		Gates:     []criteria.Gate{{Kind: criteria.AwardRequirement, ID: "ins", Title: "Insurance", Requirement: "professional indemnity cover of £5m"}},
		Criteria:  cs,
		TieBreaks: []score.TieBreak{{Kind: score.HigherPoints, Criterion: "quality", Description: "higher quality points"}, {Kind: score.LowerPrice}},
	}}
}

func leakBid(t *rapid.T, b leakBidder, questions int, withSV, nobodyCommits bool) score.Bid {
	pass := rapid.IntRange(0, 4).Draw(t, b.token+".gate") > 0
	reason := "cover confirmed"
	if !pass {
		reason = "no cover in force"
	}
	bid := score.Bid{ID: b.bidID(), Supplier: score.Supplier{ID: b.supplierID(), Name: b.name()}, Lot: b.lot,
		Gates:     map[string]criteria.GateResult{"ins": {Pass: pass, Reason: reason}},
		Responses: map[string]score.Response{"price": {Price: criteria.Amount(b.price)}}}
	for i := range questions {
		m := decimal.NewFromInt(int64(rapid.IntRange(0, 4).Draw(t, b.token+".mark")))
		bid.Responses[fmt.Sprintf("q%d", i+1)] = score.Response{Marks: criteria.Marks{
			Evaluators: []criteria.EvaluatorMark{{Evaluator: "Evaluator 1", Mark: m}},
			Consensus:  &criteria.Consensus{Mark: m, Rationale: "agreed at moderation"}}}
	}
	if withSV {
		spend := decimal.NewFromInt(int64(rapid.IntRange(1, 90).Draw(t, b.token+".spend")) * 10000)
		if nobodyCommits {
			spend = decimal.Zero
		}
		bid.Responses["sv"] = score.Response{SocialValue: criteria.SocialValueResponse{Commitments: []criteria.Commitment{
			{Measure: smeMeasure.Code, Quantity: &spend, MethodStatement: "social value plan, section 2"}}}}
	}
	return bid
}

// leakSummaries evaluates a drawn field and renders every bidder's summary
// in every format, calling see with the lot, the bid, the lot's winner
// ("" when none) and the text.
func leakSummaries(t *rapid.T, f leakField, see func(l score.LotResult, bid string, text string)) {
	res, err := score.Evaluate(f.tender, f.bids)
	if err != nil {
		t.Fatalf("a drawn field must be valid: %v", err)
	}
	sums, err := report.Summaries(res)
	if err != nil {
		t.Fatalf("summaries: %v", err)
	}
	for _, s := range sums {
		var buf bytes.Buffer
		for _, render := range []func(*bytes.Buffer, report.Summary) error{
			func(w *bytes.Buffer, s report.Summary) error { return report.SummaryMarkdown(w, s) },
			func(w *bytes.Buffer, s report.Summary) error { return report.SummaryHTML(w, s) },
			func(w *bytes.Buffer, s report.Summary) error { return report.SummaryJSON(w, s) },
		} {
			if err := render(&buf, s); err != nil {
				t.Fatalf("rendering %s's summary: %v", s.BidID, err)
			}
		}
		l, _ := res.Lot(s.LotID)
		see(l, s.BidID, buf.String())
	}
}

func winnerOf(l score.LotResult) string {
	if l.Outcome == score.Winner {
		return l.Winner
	}
	return ""
}

// TestSummariesNeverNameOrPriceAnotherLosingBidder: no summary, in any
// format, contains any other bidder's name, bid id, supplier id or price,
// except the most advantageous tender's, which reg 31 requires. A price
// that the bidder's own or the winner's coincides with, in some format,
// cannot be told apart and is not searched for.
func TestSummariesNeverNameOrPriceAnotherLosingBidder(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		f := drawLeakField(t)
		leakSummaries(t, f, func(l score.LotResult, me, text string) {
			allowed := moneyForms(f.bidders[me].price)
			if w := winnerOf(l); w != "" {
				allowed = append(allowed, moneyForms(f.bidders[w].price)...)
			}
			for id, other := range f.bidders {
				if id == me || id == winnerOf(l) && other.lot == l.Lot.ID {
					continue
				}
				secrets := []string{other.token}
				for _, p := range moneyForms(other.price) {
					if !slices.ContainsFunc(allowed, func(a string) bool { return strings.Contains(a, p) }) {
						secrets = append(secrets, p)
					}
				}
				for _, s := range secrets {
					if strings.Contains(text, s) {
						t.Fatalf("lot %s: the summary for %s reveals %q of %s (lot %s):\n%s", l.Lot.ID, me, s, id, other.lot, around(text, s))
					}
				}
			}
		})
	})
}

// fieldPhrases are the notes and working lines that describe the field as
// a whole (criteria/price.go, criteria/socialvalue.go): in a summary of a
// lot with any other losing bidder they tell the bidder about that
// bidder's price, offer or fate (issue 11.3).
var fieldPhrases = []string{
	"every price in the field is the same",
	"highest and lowest price are both",
	"over the maximum budget take no part",
	"over the maximum budget takes no part",
	"only one price in the field",
	"only one response in the field",
	"no bid in the field commits anything",
}

// TestSummariesNeverDescribeTheField: no summary, in any format, says
// anything of the field as a whole where the field holds another losing
// bidder: not that every price is the same, not how many prices were over
// the budget, not that one price or response was alone, not that no bid
// committed anything (issue 11.3).
//
// The facts come from criteria/price.go (priceRecord.notes and working,
// spread.outside) and criteria/socialvalue.go (SocialValueRule.relative);
// they carry no other bid's figures (no Uses), so only their Field mark
// keeps report.assessLines from copying them into a summary. This test
// found them in every format before they were marked.
func TestSummariesNeverDescribeTheField(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		f := drawLeakField(t)
		leakSummaries(t, f, func(l score.LotResult, me, text string) {
			others := 0
			for _, b := range l.Bids {
				if b.BidID != me && b.BidID != winnerOf(l) {
					others++
				}
			}
			if others == 0 {
				return // the field is the bidder and the winner, both shown
			}
			for _, p := range fieldPhrases {
				if strings.Contains(text, p) {
					t.Fatalf("lot %s (%d other losing bidders): the summary for %s describes the field: %q:\n%s", l.Lot.ID, others, me, p, around(text, p))
				}
			}
		})
	})
}

// around is the line of text holding s, for a failure message.
func around(text, s string) string {
	i := strings.Index(text, s)
	start := strings.LastIndexByte(text[:i], '\n') + 1
	end := strings.IndexByte(text[i:], '\n')
	if end < 0 {
		return text[start:]
	}
	return text[start : i+end]
}

// TestLeakFieldDraws checks that the generator draws what the leak tests
// rely on: fields it can evaluate, with every price method, over-budget
// and equal prices, and losing bidders to search for.
func TestLeakFieldDraws(t *testing.T) {
	seen := map[string]bool{}
	rapid.Check(t, func(t *rapid.T) {
		f := drawLeakField(t)
		res, err := score.Evaluate(f.tender, f.bids)
		require.NoError(t, err)
		for _, l := range res.Lots {
			p := l.Lot.Policy.Criteria[0].Price // drawn lots put price first
			seen[string(p.Method)] = true
			if !p.MaxBudget.IsZero() {
				seen["budget"] = true
			}
			if len(l.Bids) >= 3 {
				seen["three or more"] = true
			}
			prices := map[string]bool{}
			for _, b := range f.bids {
				if b.Lot == l.Lot.ID {
					prices[b.Responses["price"].Price.Amount.String()] = true
				}
				if !b.Gates["ins"].Pass {
					seen["a gate failure"] = true
				}
			}
			if len(prices) == 1 {
				seen["equal prices"] = true
			}
			if len(l.Lot.Policy.Criteria) == 3 {
				seen["social value"] = true
			}
		}
	})
	for _, k := range []string{"relative", "linear", "deduction", "budget", "three or more", "a gate failure", "equal prices", "social value"} {
		require.True(t, seen[k], "the generator draws %s", k)
	}
}
