using Salam.Domain.People;

namespace Salam.Domain.Tests;

public sealed class NationalIdTests
{
    [Theory]
    [InlineData("0499370899")]
    [InlineData("0790419904")]
    [InlineData("0084575948")]
    [InlineData("0067749828")]
    public void A_code_with_the_right_check_digit_is_accepted(string code)
    {
        Assert.True(NationalId.TryParse(code, out var id));
        Assert.Equal(code, id.Value);
    }

    [Fact]
    public void Persian_digits_and_dashes_are_read_as_the_same_code()
    {
        Assert.True(NationalId.TryParse("۰۴۹-۹۳۷۰۸۹-۹", out var id));
        Assert.Equal("0499370899", id.Value);
    }

    [Theory]
    [InlineData("0499370898", "wrong check digit")]
    [InlineData("0084575949", "wrong check digit")]
    [InlineData("1111111111", "one repeated digit passes the sum but is never issued")]
    [InlineData("0000000000", "one repeated digit")]
    [InlineData("049937089", "nine digits")]
    [InlineData("04993708999", "eleven digits")]
    [InlineData("04993708a9", "a letter")]
    [InlineData("", "empty")]
    [InlineData(null, "missing")]
    public void A_code_that_is_not_a_valid_national_id_is_refused(string? code, string because)
    {
        Assert.False(NationalId.TryParse(code, out _), because);
        Assert.Throws<Common.DomainException>(() => NationalId.Parse(code ?? ""));
    }
}
