import DeepLearning
print(Tensor.zeros(2, 2).shape)
