using Salam.Domain.Common;

namespace Salam.Domain.Tests;

public sealed class JalaliDateTests
{
    [Theory]
    [InlineData("1405/09/13", 2026, 12, 4)]
    [InlineData("۱۴۰۵/۰۹/۱۳", 2026, 12, 4)]
    [InlineData(" 1405-9-13 ", 2026, 12, 4)]
    [InlineData("1404/01/01", 2025, 3, 21)]
    [InlineData("1403/12/30", 2025, 3, 20)] // 1403 is a leap year: Esfand has 30 days
    public void Jalali_days_are_read_with_Persian_or_Latin_digits(string text, int year, int month, int day)
    {
        Assert.True(JalaliDate.TryParse(text, out var parsed));
        Assert.Equal(new DateOnly(year, month, day), parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1405/13/01")]
    [InlineData("1404/12/30")] // 1404 is not a leap year
    [InlineData("1405/07/31")] // Mehr has 30 days
    [InlineData("2026-12-04")]
    [InlineData("1405/09")]
    [InlineData("1405/09/x")]
    public void Anything_else_is_refused(string text) => Assert.False(JalaliDate.TryParse(text, out _));

    [Fact]
    public void A_day_is_written_back_as_it_is_read() => Assert.Equal("1405/09/13", JalaliDate.Format(new DateOnly(2026, 12, 4)));
}

public sealed class ProgrammeDayStartTests
{
    [Fact]
    public void A_programme_day_starts_at_midnight_in_Tehran_given_in_UTC()
    {
        var start = ProgrammeCalendar.StartOf(new DateOnly(2026, 12, 2));

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 20, 30, 0, TimeSpan.Zero), start);
        Assert.Equal(TimeSpan.Zero, start.Offset);
        Assert.Equal(new DateOnly(2026, 12, 2), ProgrammeCalendar.DayOf(start));
        Assert.Equal(new DateOnly(2026, 12, 1), ProgrammeCalendar.DayOf(start.AddTicks(-1)));
    }
}
