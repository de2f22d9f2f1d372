using System.Numerics;
using Salam.Domain.Rounds.Counting;

namespace Salam.Domain.Tests.Counting;

public sealed class RationalTests
{
    [Fact]
    public void Fractions_are_kept_in_lowest_terms_with_a_positive_denominator_so_equal_values_are_equal()
    {
        var half = new Rational(-3, -6);

        Assert.Equal((BigInteger.One, new BigInteger(2)), (half.Numerator, half.Denominator));
        Assert.Equal(new Rational(1, 2), half);
        Assert.Equal(new Rational(1, 2).GetHashCode(), half.GetHashCode());
        Assert.Equal(new Rational(-2, 3), new Rational(2, -3));
        Assert.Equal(Rational.Zero, new Rational(0, 7));
        Assert.Equal(BigInteger.One, default(Rational).Denominator);
    }

    [Fact]
    public void Arithmetic_is_exact()
    {
        var third = new Rational(1, 3);

        Assert.Equal(Rational.One, third + third + third);
        Assert.Equal(new Rational(1, 6), new Rational(1, 2) - third);
        Assert.Equal(new Rational(2, 9), third * new Rational(2, 3));
        Assert.Equal(new Rational(1, 2), third / new Rational(2, 3));
        Assert.Equal(new Rational(400, 7), (Rational)400 / 7);
        Assert.Throws<DivideByZeroException>(() => third / Rational.Zero);
    }

    [Theory]
    [InlineData(7, 2, 3, 4)]
    [InlineData(-7, 2, -4, -3)]
    [InlineData(6, 3, 2, 2)]
    [InlineData(-6, 3, -2, -2)]
    [InlineData(0, 5, 0, 0)]
    public void Floor_and_ceiling_round_towards_minus_and_plus_infinity(long numerator, long denominator, long floor, long ceiling)
    {
        var value = new Rational(numerator, denominator);

        Assert.Equal(new BigInteger(floor), value.Floor());
        Assert.Equal(new BigInteger(ceiling), value.Ceiling());
    }

    [Fact]
    public void Comparisons_order_by_value()
    {
        Assert.True(new Rational(2, 3) > new Rational(3, 5));
        Assert.True(new Rational(-1, 2) < new Rational(-1, 3));
        Assert.True(new Rational(4, 6) >= new Rational(2, 3));
        Assert.Equal(0, new Rational(4, 6).CompareTo(new Rational(2, 3)));
        Assert.Equal(-1, Math.Sign(((Rational)16_666_666).CompareTo(new Rational(50_000_000_001, 3000))));
    }
}
