namespace Trading.Integration.Tests.Telemetry;

/// <summary>
/// Reads the protocol buffers wire format field by field: enough to walk OTLP export requests without generated classes.
/// Fields of unknown number are skipped by their wire type, as the format intends.
/// </summary>
public ref struct ProtobufReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;

    public int FieldNumber { get; private set; }

    public int WireType { get; private set; }

    /// <summary>Moves to the next field; false at the end of the message.</summary>
    public bool Next()
    {
        if (_position >= _data.Length)
        {
            return false;
        }

        var key = ReadVarint();
        FieldNumber = (int)(key >> 3);
        WireType = (int)(key & 7);
        if (FieldNumber == 0)
        {
            throw new FormatException($"Field number 0 at byte {_position}");
        }

        return true;
    }

    /// <summary>The current length-delimited field (a string, bytes or a nested message).</summary>
    public ReadOnlySpan<byte> Bytes()
    {
        Expect(2);
        var length = checked((int)ReadVarint());
        if (length < 0 || _position + length > _data.Length)
        {
            throw new FormatException($"Length {length} at byte {_position} runs past the end ({_data.Length})");
        }

        var value = _data.Slice(_position, length);
        _position += length;
        return value;
    }

    public string String() => System.Text.Encoding.UTF8.GetString(Bytes());

    public ulong Varint()
    {
        Expect(0);
        return ReadVarint();
    }

    public void Skip()
    {
        switch (WireType)
        {
            case 0:
                ReadVarint();
                break;
            case 1:
                Advance(8);
                break;
            case 2:
                Bytes();
                break;
            case 5:
                Advance(4);
                break;
            default:
                throw new FormatException($"Unsupported wire type {WireType} for field {FieldNumber}");
        }
    }

    private void Expect(int wireType)
    {
        if (WireType != wireType)
        {
            throw new FormatException($"Field {FieldNumber} has wire type {WireType}, expected {wireType}");
        }
    }

    private void Advance(int count)
    {
        if (_position + count > _data.Length)
        {
            throw new FormatException($"Fixed field {FieldNumber} runs past the end");
        }

        _position += count;
    }

    private ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (_position >= _data.Length)
            {
                throw new FormatException("Varint runs past the end");
            }

            var b = _data[_position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new FormatException("Varint longer than 10 bytes");
    }
}
