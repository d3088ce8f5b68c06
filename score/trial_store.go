package score

// rescoredStore holds the other bids one trial re-scores against the
// figures it moved (trialState.rescored): their kernels, field cells and
// points on the tie-break chain, in chunks that never move once made, so
// that a pointer to a kernel holds while the trial is read. It belongs to
// a trialBlock and is kept when the trial is released (Trial.Release): the
// next trial to use the block re-scores into the same storage, and a price
// search of hundreds of trials allocates it a few times, not once a bid.
// A bid published to later trials (fieldAt) is copied out of it first
// (detached), since those outlive the trial.
type rescoredStore struct {
	kernels [][]bidKernel
	cells   [][]cell
	ties    [][]Figure
	c, o    int // the next free kernel: chunk c, offset o
}

// storeChunk is the number of kernels in the first chunk; each chunk after
// it holds twice the one before, up to storeChunkMost.
const (
	storeChunk     = 8
	storeChunkMost = 512
)

// next returns storage for one more re-scored bid: a kernel, nc field cells
// and nt points on the chain (cleared; nil when nt is 0), each slice capped
// at its length so that appending to it never reaches a neighbour's. The
// kernel is nil when the chunks were cut for other sizes.
func (r *rescoredStore) next(nc, nt int) (*bidKernel, []cell, []Figure) {
	if r.c < len(r.kernels) && r.o == len(r.kernels[r.c]) {
		r.c, r.o = r.c+1, 0
	}
	if r.c == len(r.kernels) {
		size := min(storeChunk<<min(r.c, 16), storeChunkMost)
		r.kernels = append(r.kernels, make([]bidKernel, size))
		r.cells = append(r.cells, make([]cell, size*nc))
		r.ties = append(r.ties, make([]Figure, size*nt))
	}
	c, o := r.c, r.o
	if len(r.cells[c]) != len(r.kernels[c])*nc || len(r.ties[c]) != len(r.kernels[c])*nt {
		return nil, nil, nil // another lot's storage: never, as a block serves one Trials
	}
	r.o++
	cells := r.cells[c][o*nc : (o+1)*nc : (o+1)*nc]
	var tie []Figure // nil without a chain, as a bid evaluated has it
	if nt > 0 {
		tie = r.ties[c][o*nt : (o+1)*nt : (o+1)*nt]
		clear(tie)
	}
	return &r.kernels[c][o], cells, tie
}

// reset makes every kernel free again, keeping the chunks.
func (r *rescoredStore) reset() { r.c, r.o = 0, 0 }

// detached returns a copy of a re-scored bid that shares none of a trial's
// storage: its cells and chain points copied, its total pointing at the
// copy.
func detached(s *bidKernel) *bidKernel {
	var tie []Figure
	if s.tie != nil {
		tie = make([]Figure, len(s.tie))
	}
	return copyInto(new(bidKernel), make([]cell, len(s.fcells)), tie, s)
}

// copyInto copies a re-scored bid into dst, its cells into cells and its
// chain points into tie (each as long as the bid's), its total pointing at
// the copy, and returns dst.
func copyInto(dst *bidKernel, cells []cell, tie []Figure, s *bidKernel) *bidKernel {
	*dst = *s
	dst.fcells = append(cells[:0], s.fcells...)
	if s.tie != nil {
		dst.tie = append(tie[:0], s.tie...)
	}
	if dst.total.s == s {
		dst.total.s = dst
	}
	return dst
}
