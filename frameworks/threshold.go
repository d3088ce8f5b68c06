package frameworks

import (
	"errors"
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

// ContractType selects the threshold that applies; it is the model's
// score.ContractType. Where a lot does not state one, Check assumes goods
// and services (the IT case) and says so in its threshold note.
type ContractType = score.ContractType

// Contract types with their own thresholds.
const (
	GoodsServices    = score.GoodsServices
	Works            = score.Works
	LightTouch       = score.LightTouch
	UtilitiesDefence = score.UtilitiesDefence
)

// Threshold is the figure a contract's estimated value (including VAT) is
// compared with, for one authority type, contract type and period of
// commencement. A contract is above threshold when its value is not less
// than Amount.
type Threshold struct {
	// From and Until bound the commencement dates the figure applies to,
	// both inclusive; a zero Until is open-ended.
	From, Until date.Date
	Authority   score.AuthorityType
	Contract    ContractType
	// Amount is the threshold, VAT-inclusive.
	Amount decimal.Decimal
	Source Source
}

// Band is where a contract's value falls.
type Band string

// Bands.
const (
	// AboveThreshold: the value is not less than the threshold; the full
	// regime applies.
	AboveThreshold Band = "above-threshold"
	// NotifiableBelowThreshold: below threshold but not less than the
	// notifiable figure, VAT included: PA 2023 s.87(4), £12,000 central
	// government, £30,000 others; PCR 2015 reg 109(2), the same figures for
	// Contracts Finder from 21 December 2022 (£10,000 and £25,000 before).
	NotifiableBelowThreshold Band = "notifiable-below-threshold"
	// BelowThreshold: below the notifiable figure.
	BelowThreshold Band = "below-threshold"
)

// Classification is a contract placed in its band, with the figures and
// the rules that follow.
type Classification struct {
	Band Band
	// Value is the value compared with the threshold: the lot's own, or
	// the whole procurement's when Aggregate is set.
	Value decimal.Decimal
	// LotValue is the lot's own estimated value.
	LotValue decimal.Decimal
	// Aggregate, when set, is the procurement of several lots the lot is
	// valued with (Procurement Act 2023 Sch. 3 para 4; PCR 2015 reg
	// 6(11)–(13)).
	Aggregate *Aggregate
	// SmallLots, when set, says the lot of an above-threshold PCR 2015
	// procurement may be awarded outside Part 2 (reg 6(14)–(15)).
	SmallLots  *SmallLots
	Regime     score.Regime
	Threshold  Threshold
	Notifiable decimal.Decimal
	// NotifiableSource is the source of the notifiable figure.
	NotifiableSource Source
}

func gbp(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// Thresholds returns the threshold table: the period from 1 January 2022
// (when thresholds became VAT-inclusive), 2024–2025 and from 2026. A fresh
// table is returned on every call.
func Thresholds() []Threshold {
	p1 := [2]date.Date{date.On(2022, time.January, 1), date.On(2023, time.December, 31)}
	p2 := [2]date.Date{date.On(2024, time.January, 1), date.On(2025, time.December, 31)}
	p3 := [2]date.Date{date.On(2026, time.January, 1), {}}
	s1 := Source{Cite: "PPN 10/21 (thresholds from 1 January 2022)", Verified: true,
		Note: "figures as recorded in the module's sources (HIGH); the start date 1 January 2022 is from PPN 10/21"}
	s1u := unverified("PPN 10/21 (thresholds from 1 January 2022)", "figure not recorded in the module's sources")
	s2 := verified("PPN 11/23 (thresholds from 1 January 2024)")
	s3 := verified("SI 2025/1200; PPN 023 (thresholds from 1 January 2026)")
	cg, sc := score.CentralGovernment, score.SubCentral
	row := func(p [2]date.Date, a score.AuthorityType, c ContractType, amt string, s Source) Threshold {
		return Threshold{From: p[0], Until: p[1], Authority: a, Contract: c, Amount: gbp(amt), Source: s}
	}
	var out []Threshold
	for _, a := range []score.AuthorityType{cg, sc} {
		gs := map[score.AuthorityType][3]string{cg: {"138760", "139688", "135018"}, sc: {"213477", "214904", "207720"}}[a]
		out = append(out,
			row(p1, a, GoodsServices, gs[0], s1), row(p2, a, GoodsServices, gs[1], s2), row(p3, a, GoodsServices, gs[2], s3),
			row(p1, a, Works, "5336937", s1), row(p2, a, Works, "5372609", s2), row(p3, a, Works, "5193000", s3),
			row(p1, a, LightTouch, "663540", s1u), row(p2, a, LightTouch, "663540", s2), row(p3, a, LightTouch, "663540", s3),
			row(p1, a, UtilitiesDefence, "426955", s1u), row(p2, a, UtilitiesDefence, "429809", s2), row(p3, a, UtilitiesDefence, "415440", s3),
		)
	}
	return out
}

// ThresholdFor returns the threshold for an authority type and contract
// type, for a procurement commenced on the given day.
func ThresholdFor(authority score.AuthorityType, contract ContractType, commenced date.Date) (Threshold, error) {
	if err := checkAuthority(authority); err != nil {
		return Threshold{}, err
	}
	if commenced.IsZero() {
		return Threshold{}, errors.New("commenced: the date the procurement commenced is required: it decides the thresholds")
	}
	for _, t := range Thresholds() {
		if t.Authority == authority && t.Contract == contract && !commenced.Before(t.From) && (t.Until.IsZero() || !commenced.After(t.Until)) {
			return t, nil
		}
	}
	known := false
	for _, c := range []ContractType{GoodsServices, Works, LightTouch, UtilitiesDefence} {
		known = known || c == contract
	}
	if !known {
		return Threshold{}, fmt.Errorf("contract type %q: want one of %s, %s, %s, %s", contract, GoodsServices, Works, LightTouch, UtilitiesDefence)
	}
	return Threshold{}, fmt.Errorf("commenced %s: no thresholds are recorded before 1 January 2022", commenced)
}

func checkAuthority(a score.AuthorityType) error {
	switch a {
	case score.CentralGovernment, score.SubCentral:
		return nil
	case "":
		return errors.New("authority.type: the authority type is required: it decides the thresholds and policies that apply")
	}
	return fmt.Errorf("authority.type %q: want %s or %s", a, score.CentralGovernment, score.SubCentral)
}

// PCRNotifiableRaised returns the day PCR 2015's Contracts Finder figures
// rose to £12,000 (central government) and £30,000 (others): 21 December
// 2022, when the Public Contracts (Amendment) Regulations 2022 (SI
// 2022/1390) came into force. Before it they were £10,000 and £25,000.
func PCRNotifiableRaised() date.Date { return date.On(2022, time.December, 21) }

// notifiable returns the lower figure from which a below-threshold
// contract is notifiable (PA 2023) or published on Contracts Finder (PCR
// 2015), VAT included, with its source.
func notifiable(regime score.Regime, a score.AuthorityType, commenced date.Date) (decimal.Decimal, Source) {
	central := a == score.CentralGovernment
	if regime == score.PA2023 {
		s := verified("Procurement Act 2023 s.87(4) (notifiable below-threshold contracts: not less than £12,000 for a central government authority, £30,000 otherwise; VAT included, s.123(2))")
		if central {
			return gbp("12000"), s
		}
		return gbp("30000"), s
	}
	nhs := "the model does not tell an NHS trust from central government: under reg 109(2)(c)(i) an NHS Trust or NHS Foundation Trust takes the sub-central figure"
	if commenced.Before(PCRNotifiableRaised()) {
		s := Source{Cite: "PCR 2015 reg 109(2)(b)–(c) (Contracts Finder: £10,000 central government, £25,000 others; VAT inclusive from 1 January 2022, SI 2021/1221 reg 3(3)(e)); raised from 21 December 2022 by SI 2022/1390",
			Verified: true, Note: nhs}
		if central {
			return gbp("10000"), s
		}
		return gbp("25000"), s
	}
	s := Source{Cite: "PCR 2015 reg 109(2)(b)–(c) as amended by SI 2022/1390 from 21 December 2022 (Contracts Finder: £12,000 central government, £30,000 others; VAT inclusive, SI 2021/1221 reg 3(3)(e))",
		Verified: true, Note: nhs}
	if central {
		return gbp("12000"), s
	}
	return gbp("30000"), s
}

// Classify places a contract of the given estimated value (including VAT,
// over the whole term with extensions and options) in its band, for the
// regime it runs under. Values equal to a figure fall in the higher band:
// thresholds are "not less than".
func Classify(value decimal.Decimal, authority score.AuthorityType, contract ContractType, regime score.Regime, commenced date.Date) (Classification, error) {
	if value.Sign() < 0 {
		return Classification{}, fmt.Errorf("estimatedValue %s: the estimated value cannot be negative", value)
	}
	if regime != score.PCR2015 && regime != score.PA2023 {
		return Classification{}, fmt.Errorf("regime %q: want %s or %s", regime, score.PCR2015, score.PA2023)
	}
	t, err := ThresholdFor(authority, contract, commenced)
	if err != nil {
		return Classification{}, err
	}
	n, ns := notifiable(regime, authority, commenced)
	c := Classification{Value: value, LotValue: value, Regime: regime, Threshold: t, Notifiable: n, NotifiableSource: ns}
	switch {
	case value.Cmp(t.Amount) >= 0:
		c.Band = AboveThreshold
	case value.Cmp(n) >= 0:
		c.Band = NotifiableBelowThreshold
	default:
		c.Band = BelowThreshold
	}
	return c, nil
}

// String says where the value falls and against which figure.
func (c Classification) String() string {
	who := map[score.AuthorityType]string{score.CentralGovernment: "central government", score.SubCentral: "sub-central"}[c.Threshold.Authority]
	what := map[ContractType]string{GoodsServices: "goods and services", Works: "works", LightTouch: "light-touch", UtilitiesDefence: "utilities and defence"}[c.Threshold.Contract]
	lower := "notifiable"
	if c.Regime == score.PCR2015 {
		lower = "published on Contracts Finder"
	}
	v := exact.Money(c.Value)
	if c.Aggregate != nil {
		v = fmt.Sprintf("the whole procurement, %s, valued as one,", c.Aggregate.Text())
	}
	switch c.Band {
	case AboveThreshold:
		return fmt.Sprintf("%s is not less than the %s %s threshold %s: above threshold", v, who, what, exact.Money(c.Threshold.Amount))
	case NotifiableBelowThreshold:
		return fmt.Sprintf("%s is below the %s %s threshold %s and not less than %s: below threshold, %s", v, who, what, exact.Money(c.Threshold.Amount), exact.Money(c.Notifiable), lower)
	}
	return fmt.Sprintf("%s is below %s: below threshold, not %s", v, exact.Money(c.Notifiable), lower)
}

// classifyWith places a lot in its band by the value of the procurement it
// belongs to: its own value, or its aggregate's total.
func classifyWith(t score.Tender, lot score.Lot, a *Aggregate, contract ContractType, regime score.Regime) (Classification, error) {
	value := lot.EstimatedValue
	if a != nil {
		value = a.Total
	}
	c, err := Classify(value, t.Authority.Type, contract, regime, t.Commenced)
	if err != nil {
		return c, err
	}
	c.LotValue, c.Aggregate = lot.EstimatedValue, a
	if a != nil && regime == score.PCR2015 && c.Band == AboveThreshold {
		c.SmallLots = smallLotsFor(t, lot, a)
	}
	return c, nil
}

// Rules says which rules follow from the band under the regime, each with
// its source.
func (c Classification) Rules() []string {
	if c.Regime == score.PA2023 {
		switch c.Band {
		case AboveThreshold:
			return []string{
				"competitive tendering: award to the most advantageous tender under published award criteria and their relative importance (Procurement Act 2023 ss.19–24)",
				"no discrimination by where a supplier is based, and no reservation to local suppliers or SMEs (Procurement Act 2023 ss.89–90)",
				"assessment summaries before the award notice, then a standstill of at least 8 working days (Procurement Act 2023 ss.50–51)",
			}
		case NotifiableBelowThreshold:
			return []string{
				"no suitability stage before tenders (Procurement Act 2023 s.85)",
				"if advertised, a below-threshold tender notice; a contract details notice on award (Procurement Act 2023 ss.86–87)",
				"reservation by location or to SMEs/VCSEs only as PPN 005 (central government) or SI 2026/94 (English councils from 4 February 2026) allow",
			}
		}
		return []string{
			"no suitability stage before tenders (Procurement Act 2023 s.85); no notices required",
			"reservation by location or to SMEs/VCSEs only as PPN 005 (central government) or SI 2026/94 (English councils from 4 February 2026) allow",
		}
	}
	switch c.Band {
	case AboveThreshold:
		return []string{
			"Part 2: award to the most economically advantageous tender with published relative weightings (PCR 2015 reg 67)",
			"abnormally low tenders explained before any rejection (PCR 2015 reg 69)",
			"equal treatment and non-discrimination: no reservation or scoring by where a supplier is based (PCR 2015 reg 18)",
		}
	case NotifiableBelowThreshold:
		return []string{
			"Part 4: if advertised, published on Contracts Finder (PCR 2015 regs 109–110)",
			"reservation by location or to SMEs/VCSEs only as PPN 11/20 allows (central government from 1 January 2021)",
		}
	}
	return []string{"reservation by location or to SMEs/VCSEs only as PPN 11/20 allows (central government from 1 January 2021)"}
}
