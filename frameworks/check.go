package frameworks

import (
	"fmt"
	"strings"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

// Option configures Check.
type Option func(*config)

type config struct {
	catalogue    Catalogue
	hasCatalogue bool
	policies     []LocalPolicy
	bids         []score.Bid
	hasBids      bool
}

// WithCatalogue checks routes against the given catalogue instead of
// [DefaultCatalogue].
func WithCatalogue(c Catalogue) Option {
	return func(cfg *config) { cfg.catalogue, cfg.hasCatalogue = c, true }
}

// WithPolicies adds local policies to check every lot against (those whose
// Authority matches the tender's).
func WithPolicies(ps ...LocalPolicy) Option {
	return func(cfg *config) { cfg.policies = append(cfg.policies, ps...) }
}

// WithBids gives the bids received, so that rules about the field (how many
// suppliers a framework call-off evaluates) can be checked; without them
// those rules say what they could not check.
func WithBids(bids []score.Bid) Option {
	return func(cfg *config) { cfg.bids, cfg.hasBids = bids, true }
}

// Check checks a tender's evaluation model against the law that applies to
// it, the frameworks its lots are called off from and the local policies
// given, before any bid is scored. It returns every finding in a fixed
// order (see [Findings]).
//
// Bad input gives no findings and a *score.ValidationError naming each
// field: a missing commencement date or authority type, a negative
// estimated value, a framework reference or lot the catalogue does not
// know, or a local policy that is itself invalid.
func Check(t score.Tender, opts ...Option) (Findings, error) {
	r, err := newRun(t, opts)
	if err != nil {
		return nil, err
	}
	for _, rl := range checks() {
		if rl.tender != nil {
			rl.tender(r)
		}
	}
	for i := range r.lots {
		for _, rl := range checks() {
			if rl.lot != nil {
				rl.lot(r, &r.lots[i])
			}
		}
	}
	return r.out, nil
}

// lotCtx is one lot with everything the rules need to know about it.
type lotCtx struct {
	lot       score.Lot
	path      string // "lots[0]"
	route     score.Route
	routePath string // "lots[0].route" or "route"
	fw        *Framework
	flot      *FrameworkLot
	callOff   CallOffRules
	dates     Period
	regime    score.Regime // the regime the lot runs under
	class     *Classification
	classErr  error
	shares    []share
}

// callOffName names the framework and lot: "RM6190 lot 3 (End User Services)".
func (l *lotCtx) callOffName() string {
	if l.fw == nil {
		return ""
	}
	s := l.fw.Ref
	if l.flot != nil {
		s += " lot " + l.flot.ID + " (" + l.flot.Title + ")"
	} else if l.route.Lot != "" {
		s += " lot " + l.route.Lot
	}
	return s
}

// procedure returns the call-off procedure the route names ("" when it
// does not say).
func (l *lotCtx) procedure() Procedure { return Procedure(strings.TrimSpace(l.route.Procedure)) }

type run struct {
	t    score.Tender
	cfg  config
	lots []lotCtx
	out  Findings
}

// prepare validates the input and resolves each lot's route, regime and
// band.
func (r *run) prepare() error {
	var ps problems
	t := r.t
	if err := checkAuthority(t.Authority.Type); err != nil {
		ps.add("authority.type", string(t.Authority.Type), "one-of", "%s", strings.TrimPrefix(err.Error(), "authority.type: "))
	}
	if t.Commenced.IsZero() {
		ps.add("commenced", "", "required", "the date the procurement commenced is required: it decides the regime and thresholds")
	}
	if t.Regime != "" && t.Regime != score.PCR2015 && t.Regime != score.PA2023 {
		ps.add("regime", string(t.Regime), "one-of", "must be %s or %s", score.PCR2015, score.PA2023)
	}
	if len(t.Lots) == 0 {
		ps.add("lots", "", "required", "a tender needs at least one lot to check")
	}
	for i, p := range r.cfg.policies {
		validatePolicy(&ps, fmt.Sprintf("policies[%d]", i), p)
	}
	tenderRouteChecked := false
	for i, l := range t.Lots {
		lc := lotCtx{lot: l, path: fmt.Sprintf("lots[%d]", i)}
		vp := lc.path + ".estimatedValue"
		if p := criteria.CheckNumber(vp, l.EstimatedValue); p != nil {
			ps = append(ps, *p)
		} else if l.EstimatedValue.Sign() < 0 {
			ps.add(vp, l.EstimatedValue.String(), "non-negative", "the estimated value (including VAT) cannot be negative")
		} else if l.EstimatedValue.IsZero() {
			ps.add(vp, "", "required", "the estimated value (including VAT, over the whole term) is required: it decides the threshold band")
		}
		lc.route, lc.routePath = t.Route, "route"
		if l.Route != nil && !l.Route.IsZero() {
			lc.route, lc.routePath = *l.Route, lc.path+".route"
		}
		if lc.routePath != "route" || !tenderRouteChecked {
			r.resolveRoute(&ps, &lc)
			if lc.routePath == "route" {
				tenderRouteChecked = true
			}
		} else {
			r.resolveRouteQuiet(&lc)
		}
		r.lots = append(r.lots, lc)
	}
	if err := ps.err(); err != nil {
		return err
	}
	for i := range r.lots {
		lc := &r.lots[i]
		if lc.fw != nil {
			lc.regime = lc.fw.Regime
		} else {
			lc.regime, _ = RegimeOn(t.Commenced)
		}
	}
	aggs := aggregates(t, func(i int) score.Regime { return r.lots[i].regime })
	for i := range r.lots {
		lc := &r.lots[i]
		contract := lc.lot.ContractType
		if contract == "" {
			contract = GoodsServices
		}
		c, err := classifyWith(t, lc.lot, aggs[i], contract, lc.regime)
		if err != nil {
			lc.classErr = err
		} else {
			lc.class = &c
		}
		lc.shares = sharesOf(lc.lot.Policy)
	}
	return nil
}

// resolveRoute looks the lot's framework and lot up in the catalogue,
// reporting what it does not know.
func (r *run) resolveRoute(ps *problems, lc *lotCtx) {
	rt := lc.route
	if strings.TrimSpace(rt.Framework) == "" {
		return
	}
	fw, ok := r.cfg.catalogue.Lookup(rt.Framework)
	if !ok {
		var refs []string
		for _, f := range r.cfg.catalogue.Frameworks() {
			refs = append(refs, f.Ref)
		}
		ps.add(lc.routePath+".framework", rt.Framework, "known-framework",
			"the catalogue has no framework with this reference; known: %s (add your own with Catalogue.With or ReadData)", strings.Join(refs, ", "))
		return
	}
	lc.fw = &fw
	if p := Procedure(strings.TrimSpace(rt.Procedure)); p != "" && p != FurtherCompetition && p != DirectAward {
		ps.add(lc.routePath+".procedure", rt.Procedure, "one-of", "a call-off under a framework is awarded by %s or %s", FurtherCompetition, DirectAward)
	}
	if len(fw.Lots) > 0 {
		if strings.TrimSpace(rt.Lot) == "" {
			ps.add(lc.routePath+".lot", "", "required", "name the lot of %s the call-off is made under", fw.Ref)
		} else if fl, ok := fw.Lot(rt.Lot); ok {
			lc.flot = &fl
		} else {
			var ids []string
			for _, l := range fw.Lots {
				ids = append(ids, l.ID)
			}
			ps.add(lc.routePath+".lot", rt.Lot, "known-lot", "%s has no lot %q; its lots are %s", fw.Ref, rt.Lot, strings.Join(ids, ", "))
		}
	}
	lc.callOff, lc.dates = fw.rulesFor(lc.flot)
}

// resolveRouteQuiet resolves a tender-level route already checked once.
func (r *run) resolveRouteQuiet(lc *lotCtx) {
	var ps problems
	r.resolveRoute(&ps, lc)
}

// add records a finding about a lot (nil for the tender) and criterion
// (nil for none). An error resting on an unverified source becomes a
// warning.
func (r *run) add(l *lotCtx, c *share, sev Severity, code string, src Source, format string, args ...any) {
	f := Finding{Severity: src.cap(sev), Code: code, Source: src}
	var who []string
	if l != nil {
		f.Lot = l.lot.ID
		f.Field = l.path
		who = append(who, fmt.Sprintf("lot %s (%s)", l.lot.ID, l.lot.Title))
	} else {
		who = append(who, fmt.Sprintf("tender %s", r.t.ID))
	}
	if c != nil {
		f.Criterion = c.c.ID
		f.Field = l.path + ".policy." + c.path
		who = append(who, fmt.Sprintf("criterion %s (%s)", c.c.ID, c.c.Title))
	}
	f.Message = strings.Join(who, ", ") + ": " + fmt.Sprintf(format, args...)
	r.out = append(r.out, f)
}

// addField is add with an explicit field path.
func (r *run) addField(l *lotCtx, c *share, field string, sev Severity, code string, src Source, format string, args ...any) {
	r.add(l, c, sev, code, src, format, args...)
	r.out[len(r.out)-1].Field = field
}

// rule is one check: tender-wide, per lot, or both.
type rule struct {
	tender func(*run)
	lot    func(*run, *lotCtx)
}

// checks lists the rules in the order their findings appear.
func checks() []rule {
	return []rule{
		{tender: checkRegimeDeclared, lot: checkRegime},
		{lot: checkThreshold},
		{lot: checkWeights},
		{lot: checkMethodology},
		{lot: checkSocialValueCentral},
		{tender: checkLocalPoliciesApply, lot: checkLocalPolicy},
		{lot: checkLocation},
		{lot: checkLocationCommitments},
		{tender: checkAbnormallyLow, lot: checkAbnormallyLowGates},
		{lot: checkLivingWageAccreditation},
		{lot: checkPriceBandBudget},
		{lot: checkPriceDisclosure},
		{lot: checkPriceZeroPremium},
		{lot: checkIdenticalPrices},
		{lot: checkSocialValueRisesWithPrice},
		{lot: checkFrameworkDates},
		{lot: checkFrameworkProcedure},
		{lot: checkFrameworkTerm},
		{lot: checkFrameworkWeights},
		{lot: checkFrameworkSuppliers},
		{lot: checkCallOffCriteria},
	}
}

// money formats an amount for a message.
func money(l *lotCtx) string { return exact.Money(l.lot.EstimatedValue) }

// newRun applies the options (the built-in catalogue unless one is given)
// and prepares a run over the tender's lots.
func newRun(t score.Tender, opts []Option) (*run, error) {
	cfg := config{}
	for _, o := range opts {
		o(&cfg)
	}
	if !cfg.hasCatalogue {
		cfg.catalogue = DefaultCatalogue()
	}
	r := &run{t: t, cfg: cfg}
	if err := r.prepare(); err != nil {
		return nil, err
	}
	return r, nil
}
