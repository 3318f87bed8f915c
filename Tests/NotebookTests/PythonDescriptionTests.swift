import NotebookRuntime
import Testing

// A chapter prints a Double as numpy prints a float64: Python's repr, whatever Swift would write.

@Test func doublesPrintAsPythonWritesThem() {
  let cases: [(Double, String)] = [
    (9.5e15, "9500000000000000.0"), (1e16, "1e+16"), (1.5e16, "1.5e+16"), (0.0001, "0.0001"),
    (0.00001, "1e-05"), (1.25e-7, "1.25e-07"), (123, "123.0"), (-0.0, "-0.0"), (0, "0.0"),
    (0.1, "0.1"), (-2.5, "-2.5"), (1e300, "1e+300"), (5e-324, "5e-324"), (.infinity, "inf"),
    (-.infinity, "-inf"), (2.718281828459045, "2.718281828459045"),
    (1234567890123456.8, "1234567890123456.8"),
  ]
  for (value, text) in cases {
    #expect(pythonDescription(value) == text)
    #expect("\(value)" == text)
  }
}

@Test func aNanWithItsSignBitSetPrintsAsNan() {
  let negativeNan = -Double.nan
  #expect(negativeNan.sign == .minus)
  #expect(pythonDescription(negativeNan) == "nan")
  #expect("\(negativeNan)" == "nan")
}
