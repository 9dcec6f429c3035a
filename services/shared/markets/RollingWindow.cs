using System.Collections;

namespace Trading.Markets;

/// <summary>
/// The last <see cref="Size"/> items added, newest first: index 0 is the item added last.
/// Adding to a full window drops the oldest item. Not thread-safe.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class RollingWindow<T> : IReadOnlyList<T>
{
    private readonly T[] _items;
    private int _newest = -1;

    /// <summary>Creates an empty window.</summary>
    /// <param name="size">How many items the window keeps; must be positive.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is zero or negative.</exception>
    public RollingWindow(int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        _items = new T[size];
    }

    /// <summary>The fixed capacity of the window.</summary>
    public int Size => _items.Length;

    /// <summary>How many items the window holds now, from 0 up to <see cref="Size"/>.</summary>
    public int Count { get; private set; }

    /// <summary>True once the window is full (<see cref="Count"/> equals <see cref="Size"/>).</summary>
    public bool IsReady => Count == Size;

    /// <summary>The item <paramref name="index"/> places back from the newest; 0 is the newest.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative or not below <see cref="Count"/>.</exception>
    public T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"The window holds {Count} items.");
            }

            return _items[(_newest - index + Size) % Size];
        }
    }

    /// <summary>Adds an item as the newest, dropping the oldest one when the window is full.</summary>
    public void Add(T item)
    {
        _newest = (_newest + 1) % Size;
        _items[_newest] = item;
        Count = Math.Min(Count + 1, Size);
    }

    /// <summary>Empties the window; <see cref="Size"/> is unchanged.</summary>
    public void Clear()
    {
        Array.Clear(_items);
        _newest = -1;
        Count = 0;
    }

    /// <summary>Enumerates the items newest first.</summary>
    public IEnumerator<T> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
