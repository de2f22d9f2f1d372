using System.Numerics;

namespace Salam.Domain.Rounds.Counting;

/// <summary>
/// An exact fraction over <see cref="BigInteger"/>, always in lowest terms with a positive denominator, so equal values are
/// equal structurally. Equal shares counts with it: a count must come out the same on every machine, which floating point cannot promise.
/// </summary>
public readonly struct Rational : IEquatable<Rational>, IComparable<Rational>
{
    private readonly BigInteger _denominator; // 0 only in default(Rational), which means 0/1

    public Rational(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero) throw new DivideByZeroException();
        if (denominator.IsOne)
        {
            // Already in lowest terms: most amounts (costs, counts, per-voter amounts) are whole.
            Numerator = numerator;
            _denominator = BigInteger.One;
            return;
        }
        if (denominator.Sign < 0) (numerator, denominator) = (-numerator, -denominator);
        var divisor = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (!divisor.IsOne && !divisor.IsZero) (numerator, denominator) = (numerator / divisor, denominator / divisor);
        Numerator = numerator;
        _denominator = numerator.IsZero ? BigInteger.One : denominator;
    }

    // Already in lowest terms with a positive denominator: no division needed.
    private Rational(BigInteger numerator, BigInteger denominator, bool _)
    {
        Numerator = numerator;
        _denominator = numerator.IsZero ? BigInteger.One : denominator;
    }

    public static Rational Zero => default;
    public static Rational One => new(BigInteger.One, BigInteger.One);

    public BigInteger Numerator { get; }
    public BigInteger Denominator => _denominator.IsZero ? BigInteger.One : _denominator;
    public int Sign => Numerator.Sign;
    public bool IsInteger => Denominator.IsOne;

    /// <summary>The greatest integer not above this value.</summary>
    public BigInteger Floor()
    {
        var quotient = BigInteger.DivRem(Numerator, Denominator, out var remainder);
        return remainder.Sign < 0 ? quotient - 1 : quotient;
    }

    /// <summary>The least integer not below this value.</summary>
    public BigInteger Ceiling() => -(-this).Floor();

    public static implicit operator Rational(long value) => new(value, BigInteger.One);
    public static implicit operator Rational(BigInteger value) => new(value, BigInteger.One);

    public static Rational operator -(Rational x) => new(-x.Numerator, x.Denominator, true);
    public static Rational operator +(Rational x, Rational y) =>
        x.Denominator == y.Denominator
            ? new(x.Numerator + y.Numerator, x.Denominator)
            : new(x.Numerator * y.Denominator + y.Numerator * x.Denominator, x.Denominator * y.Denominator);
    public static Rational operator -(Rational x, Rational y) => x + -y;
    public static Rational operator *(Rational x, Rational y) => new(x.Numerator * y.Numerator, x.Denominator * y.Denominator);
    public static Rational operator /(Rational x, Rational y) =>
        y.Numerator.IsZero ? throw new DivideByZeroException() : new(x.Numerator * y.Denominator, x.Denominator * y.Numerator);

    public int CompareTo(Rational other) =>
        Denominator.IsOne && other.Denominator.IsOne ? Numerator.CompareTo(other.Numerator) : (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);
    public bool Equals(Rational other) => Numerator == other.Numerator && Denominator == other.Denominator;
    public override bool Equals(object? obj) => obj is Rational other && Equals(other);
    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);
    public override string ToString() => IsInteger ? Numerator.ToString() : $"{Numerator}/{Denominator}";

    public static bool operator ==(Rational x, Rational y) => x.Equals(y);
    public static bool operator !=(Rational x, Rational y) => !x.Equals(y);
    public static bool operator <(Rational x, Rational y) => x.CompareTo(y) < 0;
    public static bool operator >(Rational x, Rational y) => x.CompareTo(y) > 0;
    public static bool operator <=(Rational x, Rational y) => x.CompareTo(y) <= 0;
    public static bool operator >=(Rational x, Rational y) => x.CompareTo(y) >= 0;
}
