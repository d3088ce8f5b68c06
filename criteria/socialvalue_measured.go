package criteria

import (
	"fmt"
)

// Measurement is one social value response measured on its own, before it
// meets a field: its commitments counted, disregarded, discounted,
// normalised and capped, and any method statement assessed. Only the
// comparison with the field's best offer is left.
//
// [SocialValueRule.Measure] makes one; [SocialValueRule.AssessMeasured]
// assesses a field of them, as [SocialValueRule.Assess] assesses the
// responses themselves, to the same assessments and the same words. A
// caller that assesses the same responses in many fields — an evaluation
// run again, or run with one bid taken out — measures each response once.
// The zero Measurement is no measurement: AssessMeasured refuses it.
type Measurement struct {
	resp SocialValueResponse
	ctx  SocialValueContext
	b    svBid
	ok   bool
}

// Measure checks one response as [SocialValueRule.Check] does, and the
// context as [SocialValueRule.Assess] does, and measures the response. The
// error gives the first problem, in Assess's words. Measure does not
// validate the rule: AssessMeasured does, once for the field, and a
// measurement is assessed only by the rule that made it.
func (r SocialValueRule) Measure(resp SocialValueResponse, ctx SocialValueContext) (Measurement, error) {
	if err := r.checkContext(ctx); err != nil {
		return Measurement{}, err
	}
	ps, v := r.check(resp)
	if len(ps) > 0 {
		return Measurement{}, fmt.Errorf("%s", ps[0])
	}
	b, err := r.measureValued(resp, ctx, v, nil) // valued as checked: once
	if err != nil {
		return Measurement{}, err
	}
	return Measurement{resp: resp, ctx: ctx, b: b, ok: true}, nil
}

// AssessMeasured scores a field of responses measured by this rule
// ([SocialValueRule.Measure]) and returns one Assessment per measurement,
// in order: what Assess returns for the responses measured. An invalid
// rule is an error, as are a zero Measurement and, for a rule scoring per
// £1m of contract value, measurements made against different contract
// values.
func (r SocialValueRule) AssessMeasured(field []Measurement) ([]Assessment, error) {
	if ps := r.Validate(); len(ps) > 0 {
		return nil, fmt.Errorf("social value rule: %s", ps[0])
	}
	var ctx SocialValueContext
	if len(field) > 0 {
		ctx = field[0].ctx
	}
	f := r.newField(len(field), ctx)
	for i, m := range field {
		switch {
		case !m.ok:
			return nil, fmt.Errorf("field[%d]: not measured: measure each response with SocialValueRule.Measure", i)
		case r.NeedsContractValue() && !m.ctx.ContractValue.Equal(ctx.ContractValue):
			return nil, fmt.Errorf("field[%d]: measured against a contract value of %s, field[0] against %s: a field is measured against one", i, m.ctx.ContractValue, ctx.ContractValue)
		}
		f.resps[i], f.bids[i] = m.resp, m.b
		f.best = f.best.Max(m.b.measured)
	}
	return r.assessField(f), nil
}
