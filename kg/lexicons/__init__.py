"""Domain vocabulary: trigger words, titles, organization suffixes, the place
gazetteer. Mechanisms that other stages use to *look words up*; the words
themselves live in data files under ``kg/lexicons/data``. This package imports
no other stage."""
