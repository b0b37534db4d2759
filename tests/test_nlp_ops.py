"""spaCy's matrix products go through numpy: same results as thinc's own gemm."""

import numpy as np
import pytest
from thinc.api import NumpyOps

from service.pipeline.nlp import OpenBlasOps, load_nlp


@pytest.mark.parametrize("trans1", [False, True])
@pytest.mark.parametrize("trans2", [False, True])
def test_gemm_matches_thincs(trans1, trans2):
    rng = np.random.default_rng(0)
    x = rng.standard_normal((7, 5) if trans1 else (5, 7)).astype("f")
    y = rng.standard_normal((3, 7) if trans2 else (7, 3)).astype("f")
    want = NumpyOps().gemm(x, y, trans1=trans1, trans2=trans2)
    got = OpenBlasOps().gemm(x, y, trans1=trans1, trans2=trans2)
    assert got.shape == want.shape == (5, 3) and got.dtype == np.float32
    np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-5)
    out = np.empty((5, 3), dtype="f")
    assert OpenBlasOps().gemm(x, y, out=out, trans1=trans1, trans2=trans2) is out
    np.testing.assert_allclose(out, want, rtol=1e-5, atol=1e-5)


def test_the_served_pipeline_uses_it_and_leaves_thincs_default_alone():
    from thinc.api import get_current_ops

    nlp = load_nlp()
    assert {type(p.model.ops) for _, p in nlp.pipeline if hasattr(p, "model")} == {OpenBlasOps}
    assert type(get_current_ops()) is not OpenBlasOps
    doc = nlp("Jane Doe, a spokeswoman for the city, said the bridge would reopen.")
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["Jane Doe"]
    assert [t.text for t in doc if t.dep_ == "ROOT"] == ["said"]
