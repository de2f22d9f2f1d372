using System.Linq.Expressions;
using Salam.Domain.Common;

namespace Salam.Application.Common.Search;

/// <summary>
/// Text search that finds spelling variants (ي/ی, ك/ک, ۳/3, ZWNJ/space) on every provider: the query is folded here and each
/// searched column is folded in SQL by nested REPLACE calls and LOWER, which EF translates on SQLite and SQL Server alike.
/// A search for a part of a text (LIKE '%…%') reads every row of its filtered set either way, so the folding costs CPU per
/// row, not an index; no stored copy of the text has to be kept in step with it.
/// </summary>
public static class FoldedSearch
{
    private static readonly System.Reflection.MethodInfo Replace = typeof(string).GetMethod(nameof(string.Replace), [typeof(string), typeof(string)])!;
    private static readonly System.Reflection.MethodInfo ToLower = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;
    private static readonly System.Reflection.MethodInfo Contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;

    /// <summary>The rows where any of the columns contains the query, both folded; all rows when the query is empty.</summary>
    public static IQueryable<T> WhereAnyContains<T>(this IQueryable<T> rows, string? query, params Expression<Func<T, string?>>[] columns)
    {
        var folded = SearchText.Fold(query);
        if (folded.Length == 0) return rows;
        var row = Expression.Parameter(typeof(T), "row");
        // Read through a closure so EF sends the query as a parameter, not as SQL text.
        var value = Expression.Property(Expression.Constant(new Query(folded)), nameof(Query.Value));
        Expression? any = null;
        foreach (var column in columns)
        {
            var text = new Rebind(column.Parameters[0], row).Visit(column.Body)!;
            Expression foldedColumn = text;
            foreach (var (from, to) in SearchText.Replacements)
                foldedColumn = Expression.Call(foldedColumn, Replace, Expression.Constant(from), Expression.Constant(to));
            var match = Expression.AndAlso(Expression.NotEqual(text, Expression.Constant(null, typeof(string))),
                Expression.Call(Expression.Call(foldedColumn, ToLower), Contains, value));
            any = any is null ? match : Expression.OrElse(any, match);
        }
        return any is null ? rows : rows.Where(Expression.Lambda<Func<T, bool>>(any, row));
    }

    private sealed record Query(string Value);

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
