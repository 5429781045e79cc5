

def test_the_int8_ner_setting_is_part_of_the_model_version(monkeypatch):
    """ZHKG_NER_QUANTIZE changes a few tags: records made with one setting are not reused with the other."""
    from kg.build.cache import model_id

    monkeypatch.setenv("ZHKG_NER_QUANTIZE", "1")
    with_int8 = model_id(None)
    monkeypatch.setenv("ZHKG_NER_QUANTIZE", "0")
    assert model_id(None) != with_int8 and "+int8" in with_int8


def test_the_int8_key_only_where_the_int8_copy_tags(monkeypatch):
    """HanLP's own path (ZHKG_NER_FAST=0) never quantizes: no +int8 in the key."""
    from kg.build.cache import model_id

    monkeypatch.setenv("ZHKG_NER_QUANTIZE", "1")
    monkeypatch.setenv("ZHKG_NER_FAST", "0")
    assert "+int8" not in model_id(None)


def test_a_shard_folder_removed_after_a_write_is_made_again(tmp_path):
    # the cache makes each shard folder once; a folder removed since is made again
    import shutil

    from kg.build.cache import Cache

    cache = Cache(tmp_path / "out")
    first = cache.put_rdf("ab" + "0" * 62, b"one")
    shutil.rmtree(first.parent)
    second = cache.put_rdf("ab" + "1" * 62, b"two")
    assert second.parent == first.parent and second.read_bytes() == b"two"


def test_publishing_moves_new_shards_whole_and_merges_shards_the_cache_has(tmp_path):
    """A shard folder the cache lacks is moved in one rename; one it has already gets the
    staged records one by one, next to its own; records no article uses any more go."""
    from kg.build.cache import ARTICLES, Cache

    out = tmp_path / "out"
    old, gone = "ab" + "0" * 62, "ab" + "2" * 62
    first = Cache(out, tmp_path / "stage1")
    first.put_article(old, b"old")
    first.put_article(gone, b"gone")
    first.publish_records()
    first.prune({old, gone}, set())
    second = Cache(out, tmp_path / "stage2")
    merged, new = second.put_article("ab" + "1" * 62, b"merged"), second.put_article("cd" + "0" * 62, b"new")
    new_shard = new.parent
    second.publish_records()
    second.prune({old, merged.stem, new.stem}, set())
    shard_ab, shard_cd = out / "cache" / ARTICLES / "ab", out / "cache" / ARTICLES / "cd"
    assert sorted(p.name for p in shard_ab.iterdir()) == [old + ".pkl", merged.name]
    assert (shard_ab / merged.name).read_bytes() == b"merged" and (shard_ab / (old + ".pkl")).read_bytes() == b"old"
    assert [p.name for p in shard_cd.iterdir()] == [new.name] and not new_shard.exists()
    assert Cache(out).article_path(new.stem) == shard_cd / new.name
