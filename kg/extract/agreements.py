def extract_agreements(article, view): pass
