package criteria_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
)

// svCroydon is a local area for tests: a borough and some of its postcode
// districts.
func svCroydon() *criteria.LocalArea {
	return &criteria.LocalArea{Name: "Croydon", Boroughs: []string{"Croydon"}, PostcodeDistricts: []string{"CR0", "CR2", "CR7", "SE25"}}
}

// svApprenticeships scores apprenticeship starts relative to the best offer.
func svApprenticeships(t testing.TB) criteria.SocialValueRule {
	return criteria.SocialValueRule{Catalogue: svSample(t), Measures: []string{"FX-APPR-01"}, Basis: criteria.BasisQuantity,
		Method: criteria.RelativeToBest, WithoutMethodStatement: criteria.CountUnsupported}
}

// svProxyRule scores Σ quantity × proxy relative to the best offer.
func svProxyRule(t testing.TB) criteria.SocialValueRule {
	return criteria.SocialValueRule{Catalogue: svSample(t), Basis: criteria.BasisProxyValue, Method: criteria.RelativeToBest,
		WithoutMethodStatement: criteria.DisregardUnsupported, LocalArea: svCroydon()}
}

// svCommit is a commitment of a quantity with a method statement reference.
func svCommit(code, qty string) criteria.Commitment {
	return criteria.Commitment{Measure: code, Quantity: svDecPtr(qty), MethodStatement: "section 4"}
}

// svResp is a response of the given commitments.
func svResp(cs ...criteria.Commitment) criteria.SocialValueResponse {
	return criteria.SocialValueResponse{Commitments: cs}
}

// svConsensus is a method statement's consensus mark from two evaluators.
func svConsensus(mark string) *criteria.Marks {
	m := svDec(mark)
	return &criteria.Marks{
		Evaluators: []criteria.EvaluatorMark{{Evaluator: "A", Mark: m, Rationale: "clear plan"}, {Evaluator: "B", Mark: m, Rationale: "named partners"}},
		Consensus:  &criteria.Consensus{Mark: m, Rationale: "agreed at moderation"},
	}
}

// svCase is one field of responses under one rule with the exact shares
// expected, each as num/den.
type svCase struct {
	why    string
	source string
	rule   criteria.SocialValueRule
	ctx    criteria.SocialValueContext
	field  []criteria.SocialValueResponse
	want   [][2]string
}

func svRun(t *testing.T, tests []svCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			require.Empty(t, tt.rule.Validate(), "the rule itself is valid")
			for i, r := range tt.field {
				require.Empty(t, tt.rule.Check(r), "response %d is valid", i)
			}
			as, err := tt.rule.Assess(tt.field, tt.ctx)
			require.NoError(t, err)
			require.Len(t, as, len(tt.want))
			for i, w := range tt.want {
				want := svFrac(t, w[0], w[1])
				assert.True(t, as[i].Value.Equal(want), "response %d: got %s, want %s/%s [%s]\n%v", i, as[i].Value, w[0], w[1], tt.source, svTexts(as[i].Working()))
			}
		})
	}
}

func TestSocialValueScoring(t *testing.T) {
	appr := svApprenticeships(t)
	proxy := svProxyRule(t)
	perMillion := appr
	perMillion.Per = criteria.PerMillionContractValue
	banded := perMillion
	banded.Method = criteria.Banded
	banded.Bands = []criteria.CommitmentBand{{AtLeast: svDec("1"), Share: svDec("0.5")}, {AtLeast: svDec("2"), Share: svDec("0.8")}, {AtLeast: svDec("3"), Share: svDec("1")}}
	share := proxy
	share.Per = criteria.ShareOfBidPrice
	capped := proxy
	capped.Cap = svDecPtr("100000")
	counted := proxy
	counted.WithoutMethodStatement = criteria.CountUnsupported
	split := proxy
	split.Split = &criteria.Split{Quantitative: svDec("60"), Qualitative: svDec("40")}
	split.MethodStatement = &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}
	cv := criteria.SocialValueContext{ContractValue: svDec("2500000")}
	priced := func(price string, cs ...criteria.Commitment) criteria.SocialValueResponse {
		r := svResp(cs...)
		r.BidPrice = svDecPtr(price)
		return r
	}
	discounted := func(pct, reason string, r criteria.SocialValueResponse) criteria.SocialValueResponse {
		r.Deliverability = &criteria.Deliverability{Percent: svDec(pct), Reason: reason}
		return r
	}
	marked := func(mark string, r criteria.SocialValueResponse) criteria.SocialValueResponse {
		r.MethodStatement = svConsensus(mark)
		return r
	}
	svRun(t, []svCase{
		{why: "relative to the best offer: 6 and 8 apprenticeship starts and none", source: "hand: 6/8, 8/8, 0/8 (issue 3's example: 5.00 × 6 / 8 = 3.75 points)",
			rule: appr, field: []criteria.SocialValueResponse{svResp(svCommit("FX-APPR-01", "6")), svResp(svCommit("FX-APPR-01", "8")), svResp()},
			want: [][2]string{{"3", "4"}, {"1", "1"}, {"0", "1"}}},
		{why: "relative to the best £: 25 FTE-years of local jobs against £100,000 and £50,000", source: "hand: 25 × £10,000 = £250,000; 100/250, 50/250",
			rule: proxy, field: []criteria.SocialValueResponse{
				svResp(criteria.Commitment{Measure: "FX-JOBS-01", FTE: svDecPtr("12.5"), Years: svDecPtr("2"), MethodStatement: "4.1"}),
				svResp(svCommit("FX-JOBS-01", "10")),
				svResp(svCommit("FX-APPR-01", "25"))},
			want: [][2]string{{"1", "1"}, {"2", "5"}, {"1", "5"}}},
		{why: "two equal best offers both score full marks", source: "hand: 8/8, 8/8, 2/8",
			rule: appr, field: []criteria.SocialValueResponse{svResp(svCommit("FX-APPR-01", "8")), svResp(svCommit("FX-APPR-01", "8")), svResp(svCommit("FX-APPR-01", "2"))},
			want: [][2]string{{"1", "1"}, {"1", "1"}, {"1", "4"}}},
		{why: "per £1m of contract value leaves relative scores unchanged", source: "hand: 2.4/3.2 = 0.75",
			rule: perMillion, ctx: cv, field: []criteria.SocialValueResponse{svResp(svCommit("FX-APPR-01", "6")), svResp(svCommit("FX-APPR-01", "8"))},
			want: [][2]string{{"3", "4"}, {"1", "1"}}},
		{why: "banded per £1m: 0.8, 1.2, 2.4 and 3.2 starts per £1m", source: "hand: bands ≥1 → 0.5, ≥2 → 0.8, ≥3 → 1 over £2.5m",
			rule: banded, ctx: cv, field: []criteria.SocialValueResponse{svResp(svCommit("FX-APPR-01", "2")), svResp(svCommit("FX-APPR-01", "3")),
				svResp(svCommit("FX-APPR-01", "6")), svResp(svCommit("FX-APPR-01", "8"))},
			want: [][2]string{{"0", "1"}, {"1", "2"}, {"4", "5"}, {"1", "1"}}},
		{why: "as a proportion of the bid price relative to the best proportion", source: "hand: 5%, 6%, 2.5% of price → 5/6, 1, 2.5/6",
			rule: share, field: []criteria.SocialValueResponse{
				priced("1000000", svCommit("FX-SUPP-02", "1000000")), // £50,000 of £1,000,000
				priced("800000", svCommit("FX-SUPP-02", "960000")),   // £48,000 of £800,000
				priced("1200000", svCommit("FX-SUPP-02", "600000"))}, // £30,000 of £1,200,000
			want: [][2]string{{"5", "6"}, {"1", "1"}, {"5", "12"}}},
		{why: "capped at £100,000: no extra marks above the cap", source: "hand: min(250k,100k)/100k, 100k/100k, 50k/100k",
			rule: capped, field: []criteria.SocialValueResponse{svResp(svCommit("FX-JOBS-01", "25")), svResp(svCommit("FX-JOBS-01", "10")), svResp(svCommit("FX-JOBS-01", "5"))},
			want: [][2]string{{"1", "1"}, {"1", "1"}, {"1", "2"}}},
		{why: "a deliverability discount applies before the comparison", source: "hand: £200,000 × 50% = £100,000; 100/150, 150/150",
			rule: proxy, field: []criteria.SocialValueResponse{discounted("50", "no named training provider", svResp(svCommit("FX-JOBS-01", "20"))), svResp(svCommit("FX-JOBS-01", "15"))},
			want: [][2]string{{"2", "3"}, {"1", "1"}}},
		{why: "a discounted best offer can lose the lead", source: "hand: £200,000 × 20% = £40,000; 40/150",
			rule: proxy, field: []criteria.SocialValueResponse{discounted("80", "the named partner declined", svResp(svCommit("FX-JOBS-01", "20"))), svResp(svCommit("FX-JOBS-01", "15"))},
			want: [][2]string{{"4", "15"}, {"1", "1"}}},
		{why: "a commitment without a method statement is disregarded", source: "hand: £100,000 (the £12,000 of apprenticeships disregarded) vs £80,000",
			rule: proxy, field: []criteria.SocialValueResponse{
				svResp(svCommit("FX-JOBS-01", "10"), criteria.Commitment{Measure: "FX-APPR-01", Quantity: svDecPtr("6")}),
				svResp(svCommit("FX-JOBS-01", "8"))},
			want: [][2]string{{"1", "1"}, {"4", "5"}}},
		{why: "the same, when the policy counts it anyway", source: "hand: £112,000 vs £80,000 → 80/112 = 5/7",
			rule: counted, field: []criteria.SocialValueResponse{
				svResp(svCommit("FX-JOBS-01", "10"), criteria.Commitment{Measure: "FX-APPR-01", Quantity: svDecPtr("6")}),
				svResp(svCommit("FX-JOBS-01", "8"))},
			want: [][2]string{{"1", "1"}, {"5", "7"}}},
		{why: "a 60/40 split with the method statement on the 0–4 scale", source: "hand: 0.6×1 + 0.4×3/4 = 0.9; 0.6×0.8 + 0.4×4/4 = 0.88; nothing committed (none, zero, or all discounted) → 0 (docs/sources/social-value.md: both parts required)",
			rule: split, field: []criteria.SocialValueResponse{
				marked("3", svResp(svCommit("FX-JOBS-01", "10"))),
				marked("4", svResp(svCommit("FX-JOBS-01", "8"))),
				marked("4", svResp()),
				marked("4", svResp(svCommit("FX-JOBS-01", "0"))),
				marked("4", discounted("100", "judged wholly undeliverable", svResp(svCommit("FX-JOBS-01", "8"))))},
			want: [][2]string{{"9", "10"}, {"22", "25"}, {"0", "1"}, {"0", "1"}, {"0", "1"}}},
		{why: "nobody commits anything: everyone scores 0", source: "issue 3: no division by zero",
			rule: proxy, field: []criteria.SocialValueResponse{svResp(), svResp(svCommit("FX-JOBS-01", "0"))},
			want: [][2]string{{"0", "1"}, {"0", "1"}}},
		{why: "a single response is the best offer", source: "hand",
			rule: appr, field: []criteria.SocialValueResponse{svResp(svCommit("FX-APPR-01", "3"))},
			want: [][2]string{{"1", "1"}}},
		{why: "an empty field gives no assessments", rule: appr, field: nil, want: nil},
	})
}

func TestSocialValueWorking(t *testing.T) {
	appr := svApprenticeships(t)
	as, err := appr.Assess([]criteria.SocialValueResponse{svResp(svCommit("FX-APPR-01", "6")), svResp(svCommit("FX-APPR-01", "8")), svResp()}, criteria.SocialValueContext{})
	require.NoError(t, err)
	assert.Equal(t, "6 apprenticeship starts", as[0].Input())
	assert.Equal(t, []criteria.Step{
		{Text: "FX-APPR-01 Apprenticeship starts on the contract: 6 apprenticeship starts; method statement: section 4"},
		{Text: "best offer in the field: 8 apprenticeship starts", Uses: []int{1}},
		{Text: "6 ÷ 8 = 0.75", Uses: []int{1}},
	}, as[0].Working(), "the step showing the best offer names its position")
	assert.Equal(t, []criteria.Step{
		{Text: "FX-APPR-01 Apprenticeship starts on the contract: 8 apprenticeship starts; method statement: section 4"},
		{Text: "this is the best offer in the field: 8 ÷ 8 = 1"},
	}, as[1].Working(), "the best offer's own working reveals no one else's figures")
	assert.Equal(t, "no commitments", as[2].Input())

	proxy := svProxyRule(t)
	proxy.Split = &criteria.Split{Quantitative: svDec("60"), Qualitative: svDec("40")}
	proxy.MethodStatement = &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}
	proxy.Cap = svDecPtr("150000")
	a := svResp(criteria.Commitment{Measure: "FX-JOBS-01", FTE: svDecPtr("12.5"), Years: svDecPtr("2"), Where: []string{"CR0 1NX"}, MethodStatement: "4.1"},
		criteria.Commitment{Measure: "FX-APPR-01", Quantity: svDecPtr("4")})
	a.MethodStatement = svConsensus("3")
	b := svResp(svCommit("FX-JOBS-01", "10"))
	b.MethodStatement = svConsensus("2")
	b.Deliverability = &criteria.Deliverability{Percent: svDec("25"), Reason: "no named training provider"}
	as, err = proxy.Assess([]criteria.SocialValueResponse{a, b}, criteria.SocialValueContext{})
	require.NoError(t, err)
	assert.Equal(t, []string{
		"FX-JOBS-01 Local people employed on the contract: 12.5 FTE × 2 years = 25 FTE-years × £10,000.00 = £250,000.00 (local: Croydon, in CR0 1NX); method statement: 4.1",
		"FX-APPR-01 Apprenticeship starts on the contract: 4 apprenticeship starts × £2,000.00 = £8,000.00 — disregarded: no method statement",
		"£250,000.00 is above the cap of £150,000.00: counted as £150,000.00",
		"this is the best offer in the field: £150,000.00 ÷ £150,000.00 = 1",
		"method statement: evaluators' own marks: A 3, B 3; agreed at moderation: 3",
		"method statement: 3 ÷ 4 = 0.75",
		"60% × 1 + 40% × 0.75 = 0.9",
	}, svTexts(as[0].Working()))
	assert.Equal(t, "commitments worth £250,000.00 at proxy values; method statement consensus mark 3 (Good) of 4", as[0].Input())
	assert.Equal(t, []string{
		"the commitment to FX-APPR-01 is disregarded: the response gives no method statement for it, and the policy disregards such commitments",
		"the commitment is above the declared cap of £150,000.00 and earns nothing more above it",
	}, criteria.Texts(as[0].Notes()))
	// £100,000 × 75% = £75,000; 75,000/150,000 = 0.5; 0.6 × 0.5 + 0.4 × 0.5 = 0.5
	assert.Equal(t, []string{
		"FX-JOBS-01 Local people employed on the contract: 10 FTE-years × £10,000.00 = £100,000.00 (local: Croydon); method statement: section 4",
		"deliverability discount of 25% (no named training provider): £100,000.00 × 75% = £75,000.00",
		"best offer in the field: £150,000.00",
		"£75,000.00 ÷ £150,000.00 = 0.5",
		"method statement: evaluators' own marks: A 2, B 2; agreed at moderation: 2",
		"method statement: 2 ÷ 4 = 0.5",
		"60% × 0.5 + 40% × 0.5 = 0.5",
	}, svTexts(as[1].Working()))
	assert.Equal(t, []int{0}, as[1].Working()[2].Uses)
	assert.Equal(t, []string{"evaluators discounted the commitments by 25% as not fully deliverable: no named training provider"}, criteria.Texts(as[1].Notes()))
	assert.Contains(t, as[1].Input(), "discounted 25% for deliverability")

	none, err := svProxyRule(t).Assess([]criteria.SocialValueResponse{svResp(), svResp()}, criteria.SocialValueContext{})
	require.NoError(t, err)
	for _, a := range none {
		assert.Contains(t, criteria.Texts(a.Notes()), "no bid in the field commits anything: every bid scores 0 on the commitments, and nothing is divided by zero")
	}

	pm := svApprenticeships(t)
	pm.Per = criteria.PerMillionContractValue
	as, err = pm.Assess([]criteria.SocialValueResponse{svResp(svCommit("FX-APPR-01", "6")), svResp(svCommit("FX-APPR-01", "8"))},
		criteria.SocialValueContext{ContractValue: svDec("2500000")})
	require.NoError(t, err)
	assert.Equal(t, []string{
		"FX-APPR-01 Apprenticeship starts on the contract: 6 apprenticeship starts; method statement: section 4",
		"6 apprenticeship starts ÷ (£2,500,000.00 ÷ £1,000,000) = 2.4 apprenticeship starts per £1m of contract value",
		"best offer in the field: 3.2 apprenticeship starts per £1m of contract value",
		"2.4 ÷ 3.2 = 0.75",
	}, svTexts(as[0].Working()))

	pm.Method, pm.Bands = criteria.Banded, []criteria.CommitmentBand{{AtLeast: svDec("1"), Share: svDec("0.5")}, {AtLeast: svDec("3"), Share: svDec("1")}}
	as, err = pm.Assess([]criteria.SocialValueResponse{svResp(svCommit("FX-APPR-01", "6")), svResp(svCommit("FX-APPR-01", "1"))},
		criteria.SocialValueContext{ContractValue: svDec("2500000")})
	require.NoError(t, err)
	assert.Equal(t, "2.4 apprenticeship starts per £1m of contract value reaches the band from 1 apprenticeship start per £1m of contract value (the next starts at 3 apprenticeship starts per £1m of contract value): 0.5",
		as[0].Working()[2].Text)
	assert.Equal(t, "0.4 apprenticeship starts per £1m of contract value is below the lowest band (at least 1 apprenticeship start per £1m of contract value): 0",
		as[1].Working()[2].Text)

	sh := svProxyRule(t)
	sh.Per = criteria.ShareOfBidPrice
	r1 := svResp(svCommit("FX-SUPP-02", "1000000"))
	r1.BidPrice = svDecPtr("1000000")
	r2 := svResp(svCommit("FX-SUPP-02", "960000"))
	r2.BidPrice = svDecPtr("800000")
	as, err = sh.Assess([]criteria.SocialValueResponse{r1, r2}, criteria.SocialValueContext{})
	require.NoError(t, err)
	assert.Equal(t, []string{
		"FX-SUPP-02 Contract spend with SMEs: £1,000,000.00 × £0.05 = £50,000.00; method statement: section 4",
		"£50,000.00 ÷ bid price £1,000,000.00 = 5% of the bid price",
		"best offer in the field: 6% of the bid price",
		"5% ÷ 6% = 0.8333333333…",
	}, svTexts(as[0].Working()))
}

func TestSocialValueRuleValidate(t *testing.T) {
	base := svProxyRule(t)
	tests := []struct {
		why  string
		edit func(*criteria.SocialValueRule)
		want []svProblem
	}{
		{"the sample rule is valid", func(*criteria.SocialValueRule) {}, []svProblem{}},
		{"an unknown method", func(r *criteria.SocialValueRule) { r.Method = "best-guess" }, []svProblem{{"method", "best-guess", "one-of"}}},
		{"an unknown basis", func(r *criteria.SocialValueRule) { r.Basis = "" }, []svProblem{{"basis", "", "one-of"}}},
		{"counting quantities in several units", func(r *criteria.SocialValueRule) { r.Basis = criteria.BasisQuantity }, []svProblem{{"basis", "quantity", "one-unit"}}},
		{"an unknown normalisation", func(r *criteria.SocialValueRule) { r.Per = "per-head" }, []svProblem{{"per", "per-head", "one-of"}}},
		{"a share of the bid price needs £", func(r *criteria.SocialValueRule) {
			r.Basis, r.Measures, r.Per = criteria.BasisQuantity, []string{"FX-APPR-01"}, criteria.ShareOfBidPrice
		}, []svProblem{{"per", "share-of-bid-price", "proxy-value-only"}}},
		{"an unknown or repeated counted measure", func(r *criteria.SocialValueRule) { r.Measures = []string{"NT1", "FX-APPR-01", "FX-APPR-01"} },
			[]svProblem{{"measures[0]", "NT1", "known-measure"}, {"measures[2]", "FX-APPR-01", "unique"}}},
		{"a zero cap", func(r *criteria.SocialValueRule) { r.Cap = svDecPtr("0") }, []svProblem{{"cap", "0", "positive"}}},
		{"bands on the relative method", func(r *criteria.SocialValueRule) {
			r.Bands = []criteria.CommitmentBand{{AtLeast: svDec("1"), Share: svDec("1")}}
		},
			[]svProblem{{"bands", "", "banded-only"}}},
		{"banded without bands, with a cap", func(r *criteria.SocialValueRule) { r.Method, r.Cap = criteria.Banded, svDecPtr("5") },
			[]svProblem{{"cap", "5", "relative-only"}, {"bands", "", "required"}}},
		{"bands must start above zero, go up, and never pay less higher up", func(r *criteria.SocialValueRule) {
			r.Method = criteria.Banded
			r.Bands = []criteria.CommitmentBand{{AtLeast: svDec("0"), Share: svDec("0.2")}, {AtLeast: svDec("100"), Share: svDec("0.8")},
				{AtLeast: svDec("100"), Share: svDec("0.5")}, {AtLeast: svDec("200"), Share: svDec("1.5")}}
		}, []svProblem{{"bands[0].atLeast", "0", "positive"}, {"bands[2].atLeast", "100", "ascending"}, {"bands[2].share", "0.5", "non-decreasing"}, {"bands[3].share", "1.5", "share"}}},
		{"a split that does not add up to 100, without a marking rule", func(r *criteria.SocialValueRule) {
			r.Split = &criteria.Split{Quantitative: svDec("70"), Qualitative: svDec("20")}
		}, []svProblem{{"split", "90", "sum-100"}, {"methodStatement", "", "required"}}},
		{"a split with no quantitative part", func(r *criteria.SocialValueRule) {
			r.Split = &criteria.Split{Quantitative: svDec("0"), Qualitative: svDec("100")}
			r.MethodStatement = &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}
		}, []svProblem{{"split.quantitative", "0", "positive"}}},
		{"a method statement rule without a split", func(r *criteria.SocialValueRule) {
			r.MethodStatement = &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}
		}, []svProblem{{"methodStatement", "", "needs-split"}}},
		{"an invalid method statement rule, with a minimum mark", func(r *criteria.SocialValueRule) {
			r.Split = &criteria.Split{Quantitative: svDec("50"), Qualitative: svDec("50")}
			r.MethodStatement = &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: "vote", MinMark: svDecPtr("2")}
		}, []svProblem{{"methodStatement.moderation", "vote", "one-of"}, {"methodStatement.minMark", "2", "no-min-mark"}}},
		{"the treatment of unsupported commitments is not declared", func(r *criteria.SocialValueRule) { r.WithoutMethodStatement = "" },
			[]svProblem{{"withoutMethodStatement", "", "one-of"}}},
		{"local measures without a local area", func(r *criteria.SocialValueRule) { r.LocalArea = nil }, []svProblem{{"localArea", "", "required"}}},
		{"a local area that is empty", func(r *criteria.SocialValueRule) { r.LocalArea = &criteria.LocalArea{Name: "Croydon"} },
			[]svProblem{{"localArea.boroughs", "", "non-empty"}}},
		{"a catalogue problem is reported with its path", func(r *criteria.SocialValueRule) {
			r.Catalogue.Measures = slices.Clone(r.Catalogue.Measures)
			r.Catalogue.Measures[2].Proxy = decimal.Zero
		}, []svProblem{{"catalogue.measures[2].proxy", "0", "positive"}}},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			r := base
			tt.edit(&r)
			assert.Equal(t, tt.want, append([]svProblem{}, svProblems(r.Validate())...))
		})
	}
	_, err := criteria.SocialValueRule{}.Assess(nil, criteria.SocialValueContext{})
	assert.Error(t, err, "an invalid rule is an error, not a score")
	assert.True(t, base.NeedsBidPrice(), "the sample counts £ measures, which a bid may give as a percentage of its price")
	assert.False(t, svApprenticeships(t).NeedsBidPrice())
	assert.False(t, base.NeedsContractValue())
}

func TestSocialValueCheck(t *testing.T) {
	rule := svProxyRule(t)
	rule.Measures = []string{"FX-JOBS-01", "FX-SUPP-01"}
	split := rule
	split.Split = &criteria.Split{Quantitative: svDec("50"), Qualitative: svDec("50")}
	split.MethodStatement = &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}
	share := rule
	share.Per = criteria.ShareOfBidPrice
	tests := []struct {
		why  string
		rule criteria.SocialValueRule
		resp criteria.SocialValueResponse
		want []svProblem
	}{
		{"a valid response", rule, svResp(svCommit("FX-JOBS-01", "3")), []svProblem{}},
		{"a negative quantity names the commitment", rule, svResp(svCommit("FX-JOBS-01", "3"), svCommit("FX-SUPP-01", "-5")),
			[]svProblem{{"commitments[1].quantity", "-5", "non-negative"}}},
		{"an unknown measure code", rule, svResp(svCommit("NT3", "1")), []svProblem{{"commitments[0].measure", "NT3", "known-measure"}}},
		{"a measure this criterion does not count", rule, svResp(svCommit("FX-APPR-01", "1")), []svProblem{{"commitments[0].measure", "FX-APPR-01", "counted-measure"}}},
		{"local jobs outside the local area", rule, svResp(criteria.Commitment{Measure: "FX-JOBS-01", Quantity: svDecPtr("1"), Where: []string{"CR0", "SW1A 1AA", "Croydon"}}),
			[]svProblem{{"commitments[0].where[1]", "SW1A 1AA", "in-area"}}},
		{"a percentage of the bid price without one", rule, svResp(criteria.Commitment{Measure: "FX-SUPP-01", Percent: svDecPtr("10")}),
			[]svProblem{{"commitments[0].percent", "10", "needs-bid-price"}}},
		{"a share of the bid price needs the bid price", share, svResp(), []svProblem{{"bidPrice", "", "required"}}},
		{"a zero bid price", share, criteria.SocialValueResponse{BidPrice: svDecPtr("0")}, []svProblem{{"bidPrice", "0", "positive"}}},
		{"a split needs the method statement's marks", split, svResp(), []svProblem{{"methodStatement", "", "required"}}},
		{"the method statement's marks are checked on its scale", split, criteria.SocialValueResponse{MethodStatement: &criteria.Marks{
			Evaluators: []criteria.EvaluatorMark{{Evaluator: "A", Mark: svDec("7"), Rationale: "r"}}, Consensus: &criteria.Consensus{Mark: svDec("3"), Rationale: "r"}}},
			[]svProblem{{"methodStatement.evaluators[0].mark", "7", "on-scale"}}},
		{"marks with no split to use them", rule, criteria.SocialValueResponse{MethodStatement: svConsensus("3")}, []svProblem{{"methodStatement", "", "no-split"}}},
		{"a discount above 100% without a reason", rule, criteria.SocialValueResponse{Deliverability: &criteria.Deliverability{Percent: svDec("120")}},
			[]svProblem{{"deliverability.percent", "120", "percent"}, {"deliverability.reason", "", "required"}}},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			assert.Equal(t, tt.want, append([]svProblem{}, svProblems(tt.rule.Check(tt.resp))...))
		})
	}
	_, err := rule.Assess([]criteria.SocialValueResponse{svResp(), svResp(svCommit("FX-SUPP-01", "-5"))}, criteria.SocialValueContext{})
	assert.ErrorContains(t, err, "field[1]: commitments[0].quantity")
	pm := svApprenticeships(t)
	pm.Per = criteria.PerMillionContractValue
	_, err = pm.Assess([]criteria.SocialValueResponse{svResp()}, criteria.SocialValueContext{})
	assert.ErrorContains(t, err, "contract value")
}

func TestSocialValueDescribe(t *testing.T) {
	r := svProxyRule(t)
	r.Cap = svDecPtr("100000")
	r.Split = &criteria.Split{Quantitative: svDec("70"), Qualitative: svDec("30")}
	r.MethodStatement = &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}
	d := r.Describe()
	for _, s := range []string{"Σ quantity committed × proxy value", "Croydon", "relative to the best offer", "cap of £100,000.00",
		"70% of the marks for the commitments and 30% for the method statement", "without a method statement is disregarded", "undeliverable"} {
		assert.Contains(t, d, s)
	}
	b := svApprenticeships(t)
	b.Method, b.Per = criteria.Banded, criteria.PerMillionContractValue
	b.Bands = []criteria.CommitmentBand{{AtLeast: svDec("1"), Share: svDec("0.5")}}
	assert.Contains(t, b.Describe(), "the number of apprenticeship starts committed, per £1m of contract value; scored in bands (at least 1 apprenticeship start per £1m of contract value: 0.5 of the marks)")
}

func TestLocalArea(t *testing.T) {
	a := *svCroydon()
	require.Empty(t, a.Validate())
	for place, want := range map[string]bool{
		"Croydon": true, "croydon ": true, "CR0": true, "cr0": true, "CR0 1NX": true, "cr01nx": true, "SE25 6AB": true,
		"SE2": false, "CR01": false, "Sutton": false, "SW1A 1AA": false, "": false,
	} {
		assert.Equal(t, want, a.Contains(place), "%q", place)
	}
	assert.Equal(t, "Croydon (borough Croydon; postcode districts CR0, CR2, CR7, SE25)", a.Describe())
	assert.Equal(t, []svProblem{{"name", "", "required"}, {"boroughs", "", "non-empty"}}, svProblems(criteria.LocalArea{}.Validate()), "an empty area is an error")
	assert.Equal(t, []svProblem{{"boroughs[1]", "croydon", "unique"}, {"boroughs[2]", " ", "required"},
		{"postcodeDistricts[0]", "CR0 1NX", "postcode-district"}, {"postcodeDistricts[2]", "cr2", "unique"}},
		svProblems(criteria.LocalArea{Name: "x", Boroughs: []string{"Croydon", "croydon", " "}, PostcodeDistricts: []string{"CR0 1NX", "CR2", "cr2"}}.Validate()))
}

// svGenRule draws a valid social-value rule over the sample catalogue.
func svGenRule(t *rapid.T, cat criteria.Catalogue) (criteria.SocialValueRule, criteria.SocialValueContext) {
	r := criteria.SocialValueRule{Catalogue: cat, LocalArea: svCroydon(),
		WithoutMethodStatement: rapid.SampledFrom([]criteria.Unsupported{criteria.DisregardUnsupported, criteria.CountUnsupported}).Draw(t, "unsupported")}
	if rapid.Bool().Draw(t, "quantityBasis") {
		r.Basis, r.Measures = criteria.BasisQuantity, []string{"FX-APPR-01"}
	} else {
		r.Basis = criteria.BasisProxyValue
		r.Measures = []string{"FX-JOBS-01", "FX-APPR-01", "FX-SUPP-02"}
	}
	var ctx criteria.SocialValueContext
	if rapid.Bool().Draw(t, "perMillion") {
		r.Per = criteria.PerMillionContractValue
		ctx.ContractValue = decimal.NewFromInt(rapid.Int64Range(1, 50_000_000).Draw(t, "contractValue"))
	}
	if rapid.Bool().Draw(t, "banded") {
		r.Method = criteria.Banded
		at := int64(0)
		share := int64(0)
		for i := range rapid.IntRange(1, 4).Draw(t, "bands") {
			at += rapid.Int64Range(1, 100_000).Draw(t, fmt.Sprintf("gap%d", i))
			share = rapid.Int64Range(share, 100).Draw(t, fmt.Sprintf("share%d", i))
			r.Bands = append(r.Bands, criteria.CommitmentBand{AtLeast: decimal.NewFromInt(at), Share: decimal.New(share, -2)})
		}
	} else {
		r.Method = criteria.RelativeToBest
		if rapid.Bool().Draw(t, "capped") {
			c := decimal.NewFromInt(rapid.Int64Range(1, 500_000).Draw(t, "cap"))
			r.Cap = &c
		}
	}
	if rapid.Bool().Draw(t, "split") {
		q := rapid.Int64Range(1, 99).Draw(t, "quantitative")
		r.Split = &criteria.Split{Quantitative: decimal.NewFromInt(q), Qualitative: decimal.NewFromInt(100 - q)}
		r.MethodStatement = &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}
	}
	return r, ctx
}

// svGenResponse draws a valid response to r.
func svGenResponse(t *rapid.T, r criteria.SocialValueRule, label string) criteria.SocialValueResponse {
	var resp criteria.SocialValueResponse
	for _, code := range r.Measures {
		if !rapid.Bool().Draw(t, label+code) {
			continue
		}
		q := decimal.NewFromInt(rapid.Int64Range(0, 200).Draw(t, label+code+"qty"))
		c := criteria.Commitment{Measure: code, Quantity: &q}
		if rapid.Bool().Draw(t, label+code+"statement") {
			c.MethodStatement = "section 4"
		}
		resp.Commitments = append(resp.Commitments, c)
	}
	if r.Split != nil {
		resp.MethodStatement = svConsensus(fmt.Sprint(rapid.IntRange(0, 4).Draw(t, label+"mark")))
	}
	if rapid.Bool().Draw(t, label+"discounted") {
		resp.Deliverability = &criteria.Deliverability{Percent: decimal.NewFromInt(rapid.Int64Range(0, 100).Draw(t, label+"pct")), Reason: "judged partly undeliverable"}
	}
	return resp
}

// A larger commitment never scores less; scores lie in [0, 1]; when no one
// commits anything every response scores 0; the order of the field does not
// change any response's score.
func TestPropertySocialValue(t *testing.T) {
	cat := svSample(t)
	rapid.Check(t, func(t *rapid.T) {
		r, ctx := svGenRule(t, cat)
		if ps := r.Validate(); len(ps) > 0 {
			t.Fatalf("generated an invalid rule: %v", ps)
		}
		n := rapid.IntRange(1, 5).Draw(t, "n")
		field := make([]criteria.SocialValueResponse, n)
		for i := range field {
			field[i] = svGenResponse(t, r, fmt.Sprintf("bid%d.", i))
		}
		before, err := r.Assess(field, ctx)
		if err != nil {
			t.Fatal(err)
		}
		for i, a := range before {
			if a.Value.Sign() < 0 || a.Value.Cmp(exact.One) > 0 {
				t.Fatalf("response %d scores %s, outside 0–1", i, a.Value)
			}
		}

		// One response commits more of one measure (with a method statement,
		// so it counts whatever the rule says).
		i := rapid.IntRange(0, n-1).Draw(t, "who")
		more := slices.Clone(field)
		resp := more[i]
		resp.Commitments = slices.Clone(resp.Commitments)
		code := rapid.SampledFrom(r.Measures).Draw(t, "measure")
		extra := decimal.NewFromInt(rapid.Int64Range(1, 100).Draw(t, "extra"))
		k := slices.IndexFunc(resp.Commitments, func(c criteria.Commitment) bool { return c.Measure == code })
		if k < 0 {
			resp.Commitments = append(resp.Commitments, criteria.Commitment{Measure: code, Quantity: &extra, MethodStatement: "s"})
		} else {
			q := resp.Commitments[k].Quantity.Add(extra)
			resp.Commitments[k] = criteria.Commitment{Measure: code, Quantity: &q, MethodStatement: "s"}
		}
		more[i] = resp
		after, err := r.Assess(more, ctx)
		if err != nil {
			t.Fatal(err)
		}
		if after[i].Value.Cmp(before[i].Value) < 0 {
			t.Fatalf("committing more lowered response %d from %s to %s\nbefore %v\nafter %v", i, before[i].Value, after[i].Value,
				svTexts(before[i].Working()), svTexts(after[i].Working()))
		}

		// Nobody commits anything.
		empty := make([]criteria.SocialValueResponse, n)
		for j := range empty {
			empty[j] = criteria.SocialValueResponse{MethodStatement: field[j].MethodStatement, Deliverability: field[j].Deliverability}
			if rapid.Bool().Draw(t, fmt.Sprintf("zeroCommitment%d", j)) {
				empty[j].Commitments = []criteria.Commitment{svCommit(r.Measures[0], "0")}
			}
		}
		zeros, err := r.Assess(empty, ctx)
		if err != nil {
			t.Fatal(err)
		}
		for j, a := range zeros {
			if !a.Value.IsZero() {
				t.Fatalf("with no commitments response %d scores %s", j, a.Value)
			}
		}

		// Order independence.
		perm := rapid.Permutation(func() []int {
			p := make([]int, n)
			for j := range p {
				p[j] = j
			}
			return p
		}()).Draw(t, "perm")
		shuffled := make([]criteria.SocialValueResponse, n)
		for j, p := range perm {
			shuffled[j] = field[p]
		}
		again, err := r.Assess(shuffled, ctx)
		if err != nil {
			t.Fatal(err)
		}
		for j, p := range perm {
			if !again[j].Value.Equal(before[p].Value) {
				t.Fatalf("response %d scores %s in one order and %s in another", p, before[p].Value, again[j].Value)
			}
		}
	})
}

// svGenDec draws any decimal, including negative, zero, huge and finely
// divided ones.
func svGenDec(t *rapid.T, label string) decimal.Decimal {
	return decimal.New(rapid.Int64().Draw(t, label), int32(rapid.IntRange(-20, 20).Draw(t, label+"exp")))
}

func svGenDecPtr(t *rapid.T, label string) *decimal.Decimal {
	if rapid.Bool().Draw(t, label+"nil") {
		return nil
	}
	d := svGenDec(t, label)
	return &d
}

// No input, however wrong, makes validation or assessment panic: bad input
// is an error or a problem.
func TestPropertySocialValueNeverPanics(t *testing.T) {
	cat := svSample(t)
	codes := []string{"FX-JOBS-01", "FX-JOBS-02", "FX-APPR-01", "FX-SUPP-01", "NT1", ""}
	rapid.Check(t, func(t *rapid.T) {
		r := criteria.SocialValueRule{Catalogue: cat,
			Basis:                  rapid.SampledFrom([]criteria.SocialValueBasis{criteria.BasisProxyValue, criteria.BasisQuantity, "x"}).Draw(t, "basis"),
			Per:                    rapid.SampledFrom([]criteria.Normalisation{"", criteria.PerMillionContractValue, criteria.ShareOfBidPrice, "x"}).Draw(t, "per"),
			Method:                 rapid.SampledFrom([]criteria.SocialValueMethod{criteria.RelativeToBest, criteria.Banded, ""}).Draw(t, "method"),
			Cap:                    svGenDecPtr(t, "cap"),
			WithoutMethodStatement: rapid.SampledFrom([]criteria.Unsupported{criteria.DisregardUnsupported, criteria.CountUnsupported, ""}).Draw(t, "unsupported"),
		}
		if rapid.Bool().Draw(t, "area") {
			r.LocalArea = svCroydon()
		}
		for i := range rapid.IntRange(0, 3).Draw(t, "bands") {
			r.Bands = append(r.Bands, criteria.CommitmentBand{AtLeast: svGenDec(t, fmt.Sprint("at", i)), Share: svGenDec(t, fmt.Sprint("share", i))})
		}
		if rapid.Bool().Draw(t, "split") {
			r.Split = &criteria.Split{Quantitative: svGenDec(t, "q"), Qualitative: svGenDec(t, "l")}
			r.MethodStatement = &criteria.QualityRule{Scale: criteria.Scale0to4(), Moderation: criteria.ConsensusMark}
		}
		field := make([]criteria.SocialValueResponse, rapid.IntRange(0, 3).Draw(t, "n"))
		for i := range field {
			for j := range rapid.IntRange(0, 3).Draw(t, fmt.Sprint("c", i)) {
				l := fmt.Sprintf("c%d.%d.", i, j)
				field[i].Commitments = append(field[i].Commitments, criteria.Commitment{Measure: rapid.SampledFrom(codes).Draw(t, l+"code"),
					Quantity: svGenDecPtr(t, l+"q"), FTE: svGenDecPtr(t, l+"fte"), Years: svGenDecPtr(t, l+"years"), Percent: svGenDecPtr(t, l+"pct"),
					Where: []string{rapid.SampledFrom([]string{"CR0", "SW1A 1AA", ""}).Draw(t, l+"where")}})
			}
			field[i].BidPrice = svGenDecPtr(t, fmt.Sprint("price", i))
			if rapid.Bool().Draw(t, fmt.Sprint("disc", i)) {
				field[i].Deliverability = &criteria.Deliverability{Percent: svGenDec(t, fmt.Sprint("pct", i)), Reason: "r"}
			}
			if rapid.Bool().Draw(t, fmt.Sprint("marks", i)) {
				field[i].MethodStatement = svConsensus(fmt.Sprint(rapid.IntRange(-1, 5).Draw(t, fmt.Sprint("mark", i))))
			}
		}
		_ = r.Validate()
		_ = r.Describe()
		for _, resp := range field {
			_ = r.Check(resp)
		}
		as, err := r.Assess(field, criteria.SocialValueContext{ContractValue: svGenDec(t, "cv")})
		if err == nil {
			for _, a := range as {
				if a.Value.Sign() < 0 || a.Value.Cmp(exact.One) > 0 {
					t.Fatalf("score %s outside 0–1", a.Value)
				}
			}
		}
	})
}

// OfferAt and ValueAt, which the score package's price trials use instead
// of assessing the field again, give what assessing it again with one
// bid's price changed gives: that bid's offer and value at its new price,
// and every other bid's value against the new best — the same function
// must not be the oracle, so the field is assessed afresh.
func TestPropertyValueAtIsAssess(t *testing.T) {
	cat := svSample(t)
	rapid.Check(t, func(t *rapid.T) {
		r, ctx := svGenRule(t, cat)
		if r.Basis == criteria.BasisProxyValue && rapid.Bool().Draw(t, "shareOfPrice") { // the offer moves with the price
			r.Per, ctx = criteria.ShareOfBidPrice, criteria.SocialValueContext{}
		}
		n := rapid.IntRange(1, 5).Draw(t, "n")
		field := make([]criteria.SocialValueResponse, n)
		for i := range field {
			field[i] = svGenResponse(t, r, fmt.Sprintf("bid%d.", i))
			p := decimal.NewFromInt(rapid.Int64Range(1, 2_000_000).Draw(t, fmt.Sprintf("bid%d.price", i)))
			field[i].BidPrice = &p
		}
		as, err := r.Assess(field, ctx)
		require.NoError(t, err)
		i := rapid.IntRange(0, n-1).Draw(t, "who")
		price := decimal.NewFromInt(rapid.Int64Range(1, 2_000_000).Draw(t, "newPrice"))
		changed := slices.Clone(field)
		changed[i].BidPrice = &price
		fresh, err := r.Assess(changed, ctx)
		require.NoError(t, err)
		wantOffer, best, ok := fresh[i].Offer()
		require.True(t, ok)
		offer, ok := as[i].OfferAt(price)
		require.True(t, ok)
		require.True(t, offer.Equal(wantOffer), "offer at %s: %s, assessed afresh %s", price, offer, wantOffer)
		for j := range as {
			at := &price
			if j != i {
				at = nil
			}
			v, ok := as[j].ValueAt(at, best)
			require.True(t, ok)
			require.True(t, v.Equal(fresh[j].Value), "bid %d: ValueAt %s, assessed afresh %s", j, v, fresh[j].Value)
		}
		othersBest := exact.Zero // AtPrice, from the best of the others as assessed
		for j := range as {
			if o, _, _ := as[j].Offer(); j != i && o.Cmp(othersBest) > 0 {
				othersBest = o
			}
		}
		o, b, v, ok := as[i].AtPrice(price, othersBest)
		require.True(t, ok)
		require.True(t, o.Equal(wantOffer) && b.Equal(best) && v.Equal(fresh[i].Value),
			"AtPrice %s: offer %s, best %s, value %s; assessed afresh %s, %s, %s", price, o, b, v, wantOffer, best, fresh[i].Value)
		_, ok = as[i].OfferAt(decimal.Zero)
		require.False(t, ok, "no offer is measured at a price of zero")
		_, _, _, ok = as[i].AtPrice(decimal.Zero, othersBest)
		require.False(t, ok, "nor by AtPrice")
	})
}

// TestPropertyScoresAtLeastHoldsAtEveryBest holds ScoresAtLeast to its
// promise, on random rules (split or not, relative or banded) and fields:
// when it says a response scores at least another's, it does at every best
// offer the field could have — the field's own, any larger, and none above
// zero — which is what lets a trial of a changed price leave the other
// bid out. Every assessment scores at least itself.
func TestPropertyScoresAtLeastHoldsAtEveryBest(t *testing.T) {
	cat := svSample(t)
	rapid.Check(t, func(t *rapid.T) {
		r, ctx := svGenRule(t, cat)
		n := rapid.IntRange(2, 6).Draw(t, "n")
		field := make([]criteria.SocialValueResponse, n)
		for i := range field {
			field[i] = svGenResponse(t, r, fmt.Sprintf("bid%d.", i))
		}
		as, err := r.Assess(field, ctx)
		require.NoError(t, err)
		_, best, ok := as[0].Offer()
		require.True(t, ok)
		bests := []exact.Fraction{exact.Zero, best}
		for i := range 3 {
			more := exact.Whole(decimal.NewFromInt(rapid.Int64Range(0, 1_000_000).Draw(t, fmt.Sprintf("more%d", i))))
			bests = append(bests, best.Add(more))
		}
		for i := range as {
			require.True(t, as[i].ScoresAtLeast(as[i]), "bid %d does not score at least itself", i)
			for j := range as {
				if !as[i].ScoresAtLeast(as[j]) {
					continue
				}
				for _, b := range bests {
					vi, ok1 := as[i].ValueAt(nil, b)
					vj, ok2 := as[j].ValueAt(nil, b)
					require.True(t, ok1 && ok2)
					require.True(t, vi.Cmp(vj) >= 0, "bid %d scores at least bid %d, yet at a best of %s it has %s to %s", i, j, b, vi, vj)
				}
			}
		}
		require.False(t, criteria.Assessment{Value: exact.One}.ScoresAtLeast(as[0]), "a bare value is no social value assessment")
	})
}
