"""kg.build.run: what the building process sets for itself."""

import pytest



def test_the_building_process_collects_garbage_less_often_and_restores_the_setting():
    import gc

    from kg.build.run import GC_YOUNG_THRESHOLD, fewer_collections

    before = gc.get_threshold()
    with fewer_collections():
        during = gc.get_threshold()
    assert during == (max(before[0], GC_YOUNG_THRESHOLD), *before[1:]) and during[0] >= GC_YOUNG_THRESHOLD
    assert gc.get_threshold() == before
    with pytest.raises(RuntimeError), fewer_collections():
        raise RuntimeError("a failed build")
    assert gc.get_threshold() == before
