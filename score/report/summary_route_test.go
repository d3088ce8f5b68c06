package report_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/report"
)

// routeTender is one price-and-quality lot with a condition of
// participation, under the given regime, route and nation; four bids:
// Ashgrove wins, Bramble loses, Corrie fails the condition of participation
// (disregarded), Dunmore is recorded as excluded. Fictional names.
func routeTender(regime score.Regime, route score.Route, nation score.Nation) (score.Tender, []score.Bid) {
	d := decimal.RequireFromString
	t := score.Tender{ID: "RT/1", Title: "Route test", Commenced: date.On(2026, 6, 1), Regime: regime, Route: route,
		Authority:  score.Authority{Name: "Anytown Council", Type: score.SubCentral, Nation: nation},
		Documents:  "tender pack RT/1, volume 2",
		Evaluation: &score.Evaluation{Completed: date.On(2026, 7, 1)},
		Lots: []score.Lot{{ID: "1", Title: "Cleaning", EstimatedValue: d("900000"), TermMonths: 36, Policy: score.Policy{
			Gates: []criteria.Gate{{Kind: criteria.ConditionOfParticipation, ID: "fin", Title: "Economic and financial standing",
				Requirement: "turnover of at least £1m in each of the last two years"}},
			Criteria: []score.Criterion{
				{ID: "price", Title: "Price", Weight: d("40"), Price: &criteria.PriceRule{Method: criteria.Relative}},
				{ID: "q", Title: "Method", Weight: d("60"), Quality: &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}},
			}}}}}
	bid := func(id, name, price string, mark int64, pass bool) score.Bid {
		m := decimal.NewFromInt(mark)
		g := criteria.GateResult{Pass: pass}
		if !pass {
			g.Reason = "turnover of £0.6m in 2025"
		}
		return score.Bid{ID: id, Lot: "1",
			Supplier: score.Supplier{ID: "S-" + id, Name: name, Address: "1 High Street, Anytown AT1 1AA", Email: "bids@" + strings.ToLower(id) + ".example",
				Identifier: "GB-PPON-" + id},
			Gates: map[string]criteria.GateResult{"fin": g},
			Responses: map[string]score.Response{"price": {Price: criteria.Amount(d(price))},
				"q": {Marks: criteria.Marks{Evaluators: []criteria.EvaluatorMark{{Evaluator: "E1", Mark: m}},
					Consensus: &criteria.Consensus{Mark: m, Rationale: "the method names the team and the schedule"}}}}}
	}
	excluded := bid("DUN", "Dunmore Ltd", "500000", 4, true)
	excluded.Disregard = &score.Disregard{Ground: score.ExcludedSupplier, Reason: "a mandatory exclusion ground applies"}
	return t, []score.Bid{bid("ASH", "Ashgrove Ltd", "600000", 4, true), bid("BRA", "Bramble Ltd", "550000", 2, true),
		bid("COR", "Corrie Ltd", "400000", 4, false), excluded}
}

// TestSummaryFollowsRoute: the document a bidder is given, and the legal
// basis it states, follow the lot's award route and regime (PA 2023
// s.50(3): assessment summaries for contracts awarded under s.19; ss.45–46:
// call-offs; PCR 2015 reg 86 and its reg 86(5) exemption for contracts
// based on a framework agreement; Procurement (Wales) Regulations 2024 reg
// 32 for devolved Welsh authorities).
func TestSummaryFollowsRoute(t *testing.T) {
	open := score.Route{Procedure: score.OpenProcedure}
	callOff := score.Route{Framework: "RM6190", Lot: "3", Procedure: score.FurtherCompetition}
	for _, tt := range []struct {
		name      string
		regime    score.Regime
		route     score.Route
		nation    score.Nation
		doc       report.Document
		basis     []string
		notBasis  []string
		disregard report.Document
	}{
		{"PA 2023 open procedure", score.PA2023, open, score.England, report.StatutorySummary,
			[]string{"section 50(3) of the Procurement Act 2023", "awarded under section 19 following an open procedure", "regulation 31 of the Procurement Regulations 2024"},
			[]string{"voluntarily", "Wales"}, report.DisregardLetter},
		{"PA 2023 in Wales", score.PA2023, open, score.Wales, report.StatutorySummary,
			[]string{"regulation 32 of the Procurement (Wales) Regulations 2024"}, []string{"Procurement Regulations 2024 requires"}, report.DisregardLetter},
		{"PA 2023 call-off", score.PA2023, callOff, score.England, report.VoluntaryDebrief,
			[]string{"given voluntarily", "in accordance with a framework (Procurement Act 2023 sections 45 and 46)", "section 50(3) applies to contracts awarded under section 19",
				"contract award notice before entering into the contract (section 50(1))"},
			[]string{"This is the assessment summary"}, report.VoluntaryDebrief},
		{"PCR 2015 open procedure", score.PCR2015, open, score.England, report.AwardDecisionNotice,
			[]string{"regulation 86 of the Public Contracts Regulations 2015", "characteristics and relative advantages of the successful tender", "regulation 87"},
			[]string{"Procurement Act"}, report.AwardDecisionNotice},
		{"PCR 2015 call-off", score.PCR2015, callOff, score.England, report.VoluntaryDebrief,
			[]string{"given voluntarily", "based on a framework agreement", "(regulation 86(5))"}, []string{"Procurement Act"}, report.VoluntaryDebrief},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tn, bids := routeTender(tt.regime, tt.route, tt.nation)
			res, err := score.Evaluate(tn, bids)
			require.NoError(t, err)
			s, err := report.Summarise(res, "1", "BRA", report.SentOn(date.On(2026, 7, 2)))
			require.NoError(t, err)
			assert.Equal(t, tt.doc, s.Document)
			basis := strings.Join(s.Basis, " ")
			for _, want := range tt.basis {
				assert.Contains(t, basis, want)
			}
			for _, not := range tt.notBasis {
				assert.NotContains(t, basis, not)
			}
			var md bytes.Buffer
			require.NoError(t, report.SummaryMarkdown(&md, s))
			assert.True(t, strings.HasPrefix(md.String(), "# "+tt.doc.Title()+": lot 1, Cleaning\n"), "the heading names the document")

			for _, id := range []string{"COR", "DUN"} {
				d, err := report.Summarise(res, "1", id)
				require.NoError(t, err)
				assert.Equal(t, tt.disregard, d.Document, "a disregarded tender (%s)", id)
				assert.Equal(t, report.DisregardedTender, d.Status)
			}
		})
	}
}

// TestStatutorySummaryContents checks a PA 2023 s.19 summary item by item
// against Procurement Regulations 2024 reg 31(2)–(4), for an unsuccessful
// assessed tender (reg 31(3)).
func TestStatutorySummaryContents(t *testing.T) {
	tn, bids := routeTender(score.PA2023, score.Route{Procedure: score.OpenProcedure}, score.England)
	res, err := score.Evaluate(tn, bids)
	require.NoError(t, err)
	sent := date.On(2026, 7, 2)
	s, err := report.Summarise(res, "1", "BRA", report.SentOn(sent))
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, report.SummaryMarkdown(&buf, s))
	out := buf.String()
	for _, item := range []struct{ rule, want string }{
		{"(2)(a) the supplier's name, for the tender (3)(a)", "Bramble Ltd (tender BRA)"},
		{"(2)(b) contact postal address, for the tender", "1 High Street, Anytown AT1 1AA"},
		{"(2)(b) contact email address, for the tender", "bids@bra.example"},
		{"(2)(c) unique identifier, for the tender", "unique identifier GB-PPON-BRA"},
		{"(2)(a)–(c) for the most advantageous tender", "## The most advantageous tender: Ashgrove Ltd (tender ASH)\n\nunique identifier GB-PPON-ASH; 1 High Street, Anytown AT1 1AA; bids@ash.example"},
		{"(2)(d)(i) a summary of the criteria: title, relative importance, how scored and scores available", "| Method | 60% | 60 | marked on the 0–4 scale"},
		{"(2)(d)(ii) where the full version can be accessed", "**Award criteria and methodology in full:** tender pack RT/1, volume 2"},
		{"(2)(e)(i) the score for each criterion with an explanation by reference to the tender", "Evaluators' reasons: the method names the team and the schedule"},
		{"(2)(e)(ii) the total score", "**Total for your tender:"},
		{"(3)(b)–(c) why the contract is not awarded to the supplier", "## Why your tender was not successful"},
		{"(4) all summaries provided at the same time: dated", "**Date:** 2 July 2026"},
	} {
		assert.Contains(t, out, item.want, "reg 31%s", item.rule)
	}
	assert.Empty(t, s.Missing(), "every item the regulation requires is present")

	bare := res
	bare.Documents = ""
	b, err := report.Summarise(bare, "1", "BRA")
	require.NoError(t, err)
	assert.Equal(t, []string{
		"where the award criteria and assessment methodology can be accessed in full, since the summary gives them in summary (score.Tender.Documents; Procurement Regulations 2024 reg 31(2)(d)(ii))",
		"the date the summaries are provided: all of a contract's summaries are provided at the same time (Procurement Regulations 2024 reg 31(4))",
	}, b.Missing())
	var none bytes.Buffer
	require.NoError(t, report.SummaryMarkdown(&none, b))
	assert.NotContains(t, none.String(), "reg 31(2)(d)(ii)", "what is missing is for the authority, never in the bidder's document")
}

// TestDisregardLetter: a disregarded tender is not an assessed tender (PA
// 2023 s.50(5)(b)): it is told why, and given no scores and nothing of any
// other tender.
func TestDisregardLetter(t *testing.T) {
	tn, bids := routeTender(score.PA2023, score.Route{Procedure: score.OpenProcedure}, score.England)
	res, err := score.Evaluate(tn, bids)
	require.NoError(t, err)
	s, err := report.Summarise(res, "1", "COR")
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, report.SummaryMarkdown(&buf, s))
	out := buf.String()
	assert.Contains(t, out, "# Your tender was disregarded: lot 1, Cleaning")
	assert.Contains(t, out, "A disregarded tender is not an assessed tender (Procurement Act 2023 section 50(5)(b))")
	assert.Contains(t, out, "Does not satisfy the condition of participation: Economic and financial standing: failed — turnover of £0.6m in 2025.")
	for _, leak := range []string{"Ashgrove", "ASH", "Bramble", "600,000", "550,000", "Total", "marks"} {
		assert.NotContains(t, out, leak)
	}
	assert.Empty(t, s.Missing())
}

// TestSummaryDateAfterEvaluation: a summary reports a finished evaluation,
// so it cannot be dated before the evaluation was completed.
func TestSummaryDateAfterEvaluation(t *testing.T) {
	tn, bids := routeTender(score.PA2023, score.Route{Procedure: score.OpenProcedure}, score.England)
	res, err := score.Evaluate(tn, bids)
	require.NoError(t, err)
	_, err = report.Summaries(res, report.SentOn(date.On(2026, 6, 30)))
	var ve *score.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "sent", ve.Problems[0].Field)
	assert.Equal(t, "after-evaluation", ve.Problems[0].Rule)
	sums, err := report.Summaries(res, report.SentOn(date.On(2026, 7, 1)))
	require.NoError(t, err, "the same day as completion is allowed")
	for _, s := range sums {
		assert.Equal(t, "2026-07-01", s.Date.String(), "every summary of one contract carries the same date (reg 31(4))")
	}
}

// TestSummaryTimeline: a PCR 2015 notice must state precisely when the
// standstill ends (reg 86(2)(d)); with the lot's timeline attached it does,
// dated the day the notices are sent, and the JSON carries it too. Sent
// Thursday 2 July 2026: ten days after is Sunday 12 July, a non-working
// day, so the standstill runs to midnight ending Monday 13 July (reg 87(2)
// with reg 2(4)).
func TestSummaryTimeline(t *testing.T) {
	tn, bids := routeTender(score.PCR2015, score.Route{Procedure: score.OpenProcedure}, score.England)
	res, err := score.Evaluate(tn, bids)
	require.NoError(t, err)
	bare, err := report.Summarise(res, "1", "BRA", report.SentOn(date.On(2026, 7, 2)))
	require.NoError(t, err)
	assert.Contains(t, strings.Join(bare.Missing(), "\n"), "reg 86(2)(d)", "without a timeline the notice lacks its standstill statement")

	tl, err := tn.Timeline("1", date.On(2026, 7, 2), score.TimelineOptions{})
	require.NoError(t, err)
	assert.Equal(t, "2026-07-13", tl.End.String())
	s, err := report.Summarise(score.WithTimelines(res, tl), "1", "BRA")
	require.NoError(t, err)
	assert.Empty(t, s.Missing())
	assert.Equal(t, "2026-07-02", s.Date.String(), "dated the day the timeline counts from")
	var md, js bytes.Buffer
	require.NoError(t, report.SummaryMarkdown(&md, s))
	require.NoError(t, report.SummaryJSON(&js, s))
	assert.Contains(t, md.String(), "## The award timeline")
	assert.Contains(t, md.String(), "13 July 2026: ")
	assert.Contains(t, js.String(), `"date": "2026-07-13"`)

	_, err = report.Summarise(score.WithTimelines(res, tl), "1", "BRA", report.SentOn(date.On(2026, 7, 3)))
	var ve *score.ValidationError
	require.ErrorAs(t, err, &ve, "the notices cannot be sent after the standstill they start has begun")
	assert.Equal(t, "before-notice", ve.Problems[0].Rule)
}
