using Salam.Count.Files;

namespace Salam.Count.Tests;

public sealed class NaturalOrderTests
{
    [Fact]
    public void Numbers_go_by_value_and_digit_runs_inside_ids_too()
    {
        string[] ids = ["c10", "318", "c2", "b", "c1", "2", "a10", "a9", "10"];

        var sorted = ids.Order(NaturalOrder.Instance).ToList();

        Assert.Equal(["2", "10", "318", "a9", "a10", "b", "c1", "c2", "c10"], sorted);
    }

    [Fact]
    public void Ids_equal_in_value_still_have_one_order()
    {
        Assert.True(NaturalOrder.Instance.Compare("007", "7") < 0);
        Assert.True(NaturalOrder.Instance.Compare("7", "007") > 0);
        Assert.Equal(0, NaturalOrder.Instance.Compare("c7", "c7"));
    }
}
