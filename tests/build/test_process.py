"""kg.build.process and kg.build.worker: what the building process and its workers set for themselves."""

import pytest



def test_the_building_process_collects_garbage_less_often_and_restores_the_setting():
    import gc

    from kg.build.process import GC_YOUNG_THRESHOLD, fewer_collections

    before = gc.get_threshold()
    with fewer_collections():
        during = gc.get_threshold()
    assert during == (max(before[0], GC_YOUNG_THRESHOLD), *before[1:]) and during[0] >= GC_YOUNG_THRESHOLD
    assert gc.get_threshold() == before
    with pytest.raises(RuntimeError), fewer_collections():
        raise RuntimeError("a failed build")
    assert gc.get_threshold() == before


def test_a_worker_keeps_the_young_threshold_for_its_life():
    import gc

    from kg.build.process import GC_YOUNG_THRESHOLD
    from kg.build.worker import _STATE, init_worker

    before, threads = gc.get_threshold(), _STATE.get("threads")
    try:
        init_worker(1)
        assert gc.get_threshold() == (max(before[0], GC_YOUNG_THRESHOLD), *before[1:])
    finally:
        gc.set_threshold(*before)
        if threads is None:
            _STATE.pop("threads", None)
        else:
            _STATE["threads"] = threads
