package dev.kplan.lang.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.Marks;
import dev.kplan.lang.value.Value;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperatorsTest {
  private static Value n(String s) {
    return Value.number(new BigDecimal(s));
  }

  @Test
  void addsLikeCtyIncludingBigLiterals() throws Exception {
    assertEquals(n("5.5"), Operators.add(n("2"), n("3.5")));
    assertEquals(n("4.14159265358979323846264338327950288419716939937510582097494459"),
        Operators.add(n("3.14159265358979323846264338327950288419716939937510582097494459"), n("1")));
    assertEquals(n("-1.5"), Operators.subtract(n("2"), n("3.5")));
    assertEquals(n("9"), Operators.multiply(n("2"), n("4.5")));
    assertEquals(n("0.1"), Operators.divide(n("1"), n("10")));
  }

  @Test
  void integerArithmeticBeyond512BitsRoundsLikeCty() throws Exception {
    Value big = Value.number(BigDecimal.valueOf(2).pow(520).add(BigDecimal.ONE));
    Value rounded = Value.number(Float512.of(BigDecimal.valueOf(2).pow(520).add(BigDecimal.ONE)).toShortestDecimal());
    assertEquals(rounded, Operators.add(big, n("0")));
    assertEquals(n("123456789012345678901234567890"), Operators.add(n("123456789012345678901234567889"), n("1")));
  }

  @Test
  void moduloKeepsTheBinaryResidueOfAFractionalDivisor() throws Exception {
    assertEquals(n("1"), Operators.modulo(n("11"), n("5")));
    assertEquals(n("0.80000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000024"),
        Operators.modulo(n("11"), n("5.1")));
  }

  @Test
  void moduloTakesTheSignOfTheDividendAndModuloZeroIsTheDividend() throws Exception {
    assertEquals(n("-1"), Operators.modulo(n("-7"), n("3")));
    assertEquals(n("1"), Operators.modulo(n("7"), n("-3")));
    assertEquals(n("5"), Operators.modulo(n("5"), n("0")));
  }

  @Test
  void divisionByZeroFails() {
    OperationException zeroByZero = assertThrows(OperationException.class, () -> Operators.divide(n("0"), n("0")));
    assertEquals("can't divide zero by zero or infinity by infinity", zeroByZero.getMessage());
    assertThrows(OperationException.class, () -> Operators.divide(n("1"), n("0")));
  }

  @Test
  void nullOperandsFail() {
    OperationException ex =
        assertThrows(OperationException.class, () -> Operators.add(Value.nullOf(Type.NUMBER), n("1")));
    assertEquals("argument must not be null", ex.getMessage());
  }

  @Test
  void unknownOperandsGiveUnknownsOfTheResultType() throws Exception {
    assertEquals(Value.unknownOf(Type.NUMBER), Operators.add(Value.unknownOf(Type.NUMBER), n("1")));
    assertEquals(Value.unknownOf(Type.BOOL), Operators.lessThan(Value.unknownOf(Type.NUMBER), n("1")));
  }

  @Test
  void marksOfBothOperandsGoOnTheResult() throws Exception {
    Value secret = n("2").mark(Marks.SENSITIVE);
    assertEquals(n("3").mark(Marks.SENSITIVE), Operators.add(secret, n("1")));
    assertEquals(Value.unknownOf(Type.NUMBER).mark(Marks.SENSITIVE),
        Operators.add(secret, Value.unknownOf(Type.NUMBER)));
  }

  @Test
  void equalityNeedsTheSameType() {
    assertEquals(Value.bool(false), Operators.equal(Value.string("1"), n("1")));
    assertEquals(Value.bool(true), Operators.equal(n("1"), n("1.0")));
    assertEquals(Value.bool(true), Operators.equal(
        Value.tuple(List.of(n("1"), Value.string("a"))), Value.tuple(List.of(n("1"), Value.string("a")))));
    assertEquals(Value.bool(false), Operators.equal(
        Value.list(Type.NUMBER, List.of(n("1"))), Value.tuple(List.of(n("1")))));
  }

  @Test
  void nullsAreEqualWhateverTheirType() {
    assertEquals(Value.bool(true), Operators.equal(Value.nullOf(Type.STRING), Value.nullOf(Type.DYNAMIC)));
    assertEquals(Value.bool(false), Operators.equal(Value.nullOf(Type.STRING), Value.string("")));
  }

  @Test
  void equalityWithUnknownsIsUnknownUnlessTheTypesDiffer() {
    assertEquals(Value.unknownOf(Type.BOOL), Operators.equal(Value.unknownOf(Type.STRING), Value.string("a")));
    assertEquals(Value.bool(false), Operators.equal(Value.unknownOf(Type.STRING), n("1")));
    assertEquals(Value.unknownOf(Type.BOOL), Operators.equal(Value.unknownOf(Type.DYNAMIC), n("1")));
    assertEquals(Value.unknownOf(Type.BOOL), Operators.equal(Value.nullOf(Type.STRING), Value.unknownOf(Type.STRING)));
    assertEquals(Value.unknownOf(Type.BOOL), Operators.equal(
        Value.object(Map.of("a", Value.unknownOf(Type.STRING))), Value.object(Map.of("a", Value.string("x")))));
  }

  @Test
  void equalityCarriesDeepMarks() {
    Value marked = Value.tuple(List.of(Value.string("a").mark(Marks.SENSITIVE)));
    assertEquals(Value.bool(true).mark(Marks.SENSITIVE), Operators.equal(marked, Value.tuple(List.of(Value.string("a")))));
  }

  @Test
  void logicShortCircuitsOnAKnownDecidingSide() throws Exception {
    Value unknown = Value.unknownOf(Type.BOOL);
    assertEquals(Value.bool(false), Operators.and(unknown, Value.bool(false)));
    assertEquals(unknown, Operators.and(unknown, Value.bool(true)));
    assertEquals(Value.bool(true), Operators.or(Value.bool(true), unknown));
    assertEquals(unknown, Operators.or(Value.bool(false), unknown));
    assertEquals(Value.bool(false), Operators.and(Value.nullOf(Type.BOOL), Value.bool(true)));
    assertThrows(OperationException.class, () -> Operators.or(Value.nullOf(Type.BOOL), Value.bool(false)));
  }

  @Test
  void comparesNumbers() throws Exception {
    assertEquals(Value.bool(true), Operators.lessThan(n("1"), n("2")));
    assertEquals(Value.bool(true), Operators.lessThanOrEqual(n("1"), n("1")));
    assertEquals(Value.bool(false), Operators.greaterThan(n("1"), n("1")));
    assertEquals(Value.bool(true), Operators.greaterThanOrEqual(n("2"), n("1")));
  }
}
