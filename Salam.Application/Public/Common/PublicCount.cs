namespace Salam.Application.Public.Common;

/// <summary>
/// A count shown in public: from 1 to <see cref="SmallNumber"/> − 1 it is withheld (shown as "fewer than 5"), so a handful of
/// volunteers or answers cannot be told apart and named. Zero is shown: it names nobody, and "fewer than 5" where there is
/// nothing would mislead an official comparing places.
/// </summary>
public readonly record struct PublicCount(int? Value)
{
    public const int SmallNumber = 5;

    public static PublicCount Of(int count) => new(count is > 0 and < SmallNumber ? null : count);

    public bool FewerThanSmallNumber => Value is null;
}
