using Salam.Domain.Needs;

namespace Salam.Domain.Tests;

public sealed class PersianTextTests
{
    [Theory]
    [InlineData("كلاس تقويتي", "کلاس تقویتی")]            // Arabic kaf and yeh
    [InlineData("کتاب‌خانه", "کتاب خانه")]                // zero-width non-joiner
    [InlineData("مَدرِسه", "مدرسه")]                       // diacritics
    [InlineData("پارک ۲ و ٣", "پارک 2 و 3")]              // Persian and Arabic digits
    [InlineData("  روشنايي!! کوچه‌ها ", "روشنایی کوچه ها")] // punctuation and spaces
    public void Text_typed_in_different_ways_folds_to_one_form(string typed, string folded) =>
        Assert.Equal(folded, PersianText.Fold(typed));

    [Fact]
    public void A_need_typed_with_arabic_letters_and_without_half_spaces_is_found_alike()
    {
        Assert.True(PersianText.Similarity("روشنايي كوچه ها", "روشنایی کوچه‌ها و پارک محله") >= 0.99);
        Assert.True(PersianText.Similarity("کتابخانه محله", "کتابخانهٔ محله") >= 0.99);
    }

    [Fact]
    public void Unrelated_needs_are_not_alike() =>
        Assert.True(PersianText.Similarity("روشنایی کوچه‌ها", "کلاس تقویتی رایگان") < 0.01);
}
