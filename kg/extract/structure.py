def structure_relations(article, view, infos): return []
