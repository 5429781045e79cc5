"""Training and evaluating the offline HanLP NER model (``kg train-ner``)."""
