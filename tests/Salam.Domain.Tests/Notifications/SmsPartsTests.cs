using Salam.Domain.Notifications;

namespace Salam.Domain.Tests.Notifications;

/// <summary>How many parts a text takes: 160/153 GSM-7 characters, 70/67 UCS-2 (any Persian).</summary>
public sealed class SmsPartsTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    public void Latin_text_takes_160_in_one_part_and_153_in_each_of_several(int length, int parts) =>
        Assert.Equal(parts, SmsParts.Count(new string('a', length)));

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void Persian_text_takes_70_in_one_part_and_67_in_each_of_several(int length, int parts) =>
        Assert.Equal(parts, SmsParts.Count(new string('س', length)));

    [Fact]
    public void One_Persian_letter_makes_a_Latin_text_UCS2_and_extended_characters_count_twice_in_GSM7()
    {
        Assert.Equal(2, SmsParts.Count(new string('a', 70) + "س"));
        Assert.Equal(2, SmsParts.Count(new string('a', 159) + "€"));
        Assert.Equal(1, SmsParts.Count(new string('a', 158) + "€"));
    }
}
