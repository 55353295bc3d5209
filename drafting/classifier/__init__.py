"""The trained sentence classifier: encoder, model definition, training, prediction, evaluation."""
