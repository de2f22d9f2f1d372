using Salam.Domain.Common;

namespace Salam.Domain.Tests;

public sealed class DigitsTests
{
    [Theory]
    [InlineData("۴۵", 45)]
    [InlineData("٤٥", 45)]
    [InlineData(" 45 ", 45)]
    [InlineData("۱۰۰", 100)]
    [InlineData("۰", 0)]
    [InlineData("−۳", -3)]
    public void Whole_numbers_are_read_in_Persian_Arabic_Indic_or_Latin_digits(string typed, int expected)
    {
        Assert.True(Digits.TryParseWhole(typed, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("۴۵a")]
    [InlineData("چهل")]
    [InlineData("۴٫۵")]
    [InlineData("99999999999")]
    public void Anything_that_is_not_a_whole_number_is_not_read_as_zero(string? typed)
    {
        Assert.False(Digits.TryParseWhole(typed, out _));
    }
}
