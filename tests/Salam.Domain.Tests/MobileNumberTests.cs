using Salam.Domain.People;

namespace Salam.Domain.Tests;

public sealed class MobileNumberTests
{
    [Theory]
    [InlineData("09121234567", "09121234567")]
    [InlineData("۰۹۱۲۱۲۳۴۵۶۷", "09121234567")]
    [InlineData("+989121234567", "09121234567")]
    [InlineData("00989121234567", "09121234567")]
    [InlineData("9121234567", "09121234567")]
    [InlineData("0912 123 4567", "09121234567")]
    public void Mobile_numbers_as_people_type_them_become_09xxxxxxxxx(string typed, string expected)
    {
        Assert.True(MobileNumber.TryParse(typed, out var mobile));
        Assert.Equal(expected, mobile.Value);
    }

    [Theory]
    [InlineData("02112345678")] // a Tehran landline
    [InlineData("0912123456")]
    [InlineData("091212345678")]
    [InlineData("09a21234567")]
    [InlineData("")]
    public void Anything_else_is_not_a_mobile_number(string typed) =>
        Assert.False(MobileNumber.TryParse(typed, out _));
}
