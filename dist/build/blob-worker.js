import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 57:
/***/ ((module) => {

function isBuffer(value) {
  return Buffer.isBuffer(value) || value instanceof Uint8Array
}

function isEncoding(encoding) {
  return Buffer.isEncoding(encoding)
}

function alloc(size, fill, encoding) {
  return Buffer.alloc(size, fill, encoding)
}

function allocUnsafe(size) {
  return Buffer.allocUnsafe(size)
}

function allocUnsafeSlow(size) {
  return Buffer.allocUnsafeSlow(size)
}

function byteLength(string, encoding) {
  return Buffer.byteLength(string, encoding)
}

function compare(a, b) {
  return Buffer.compare(a, b)
}

function concat(buffers, totalLength) {
  return Buffer.concat(buffers, totalLength)
}

function copy(source, target, targetStart, start, end) {
  return toBuffer(source).copy(target, targetStart, start, end)
}

function equals(a, b) {
  return toBuffer(a).equals(b)
}

function fill(buffer, value, offset, end, encoding) {
  return toBuffer(buffer).fill(value, offset, end, encoding)
}

function from(value, encodingOrOffset, length) {
  return Buffer.from(value, encodingOrOffset, length)
}

function includes(buffer, value, byteOffset, encoding) {
  return toBuffer(buffer).includes(value, byteOffset, encoding)
}

function indexOf(buffer, value, byfeOffset, encoding) {
  return toBuffer(buffer).indexOf(value, byfeOffset, encoding)
}

function lastIndexOf(buffer, value, byteOffset, encoding) {
  return toBuffer(buffer).lastIndexOf(value, byteOffset, encoding)
}

function swap16(buffer) {
  return toBuffer(buffer).swap16()
}

function swap32(buffer) {
  return toBuffer(buffer).swap32()
}

function swap64(buffer) {
  return toBuffer(buffer).swap64()
}

function toBuffer(buffer) {
  if (Buffer.isBuffer(buffer)) return buffer
  return Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength)
}

function toString(buffer, encoding, start, end) {
  return toBuffer(buffer).toString(encoding, start, end)
}

function toHex(buffer, start, end) {
  return toBuffer(buffer).toString('hex', start, end)
}

function write(buffer, string, offset, length, encoding) {
  return toBuffer(buffer).write(string, offset, length, encoding)
}

function readDoubleBE(buffer, offset) {
  return toBuffer(buffer).readDoubleBE(offset)
}

function readDoubleLE(buffer, offset) {
  return toBuffer(buffer).readDoubleLE(offset)
}

function readFloatBE(buffer, offset) {
  return toBuffer(buffer).readFloatBE(offset)
}

function readFloatLE(buffer, offset) {
  return toBuffer(buffer).readFloatLE(offset)
}

function readInt32BE(buffer, offset) {
  return toBuffer(buffer).readInt32BE(offset)
}

function readInt32LE(buffer, offset) {
  return toBuffer(buffer).readInt32LE(offset)
}

function readUInt32BE(buffer, offset) {
  return toBuffer(buffer).readUInt32BE(offset)
}

function readUInt32LE(buffer, offset) {
  return toBuffer(buffer).readUInt32LE(offset)
}

function writeDoubleBE(buffer, value, offset) {
  return toBuffer(buffer).writeDoubleBE(value, offset)
}

function writeDoubleLE(buffer, value, offset) {
  return toBuffer(buffer).writeDoubleLE(value, offset)
}

function writeFloatBE(buffer, value, offset) {
  return toBuffer(buffer).writeFloatBE(value, offset)
}

function writeFloatLE(buffer, value, offset) {
  return toBuffer(buffer).writeFloatLE(value, offset)
}

function writeInt32BE(buffer, value, offset) {
  return toBuffer(buffer).writeInt32BE(value, offset)
}

function writeInt32LE(buffer, value, offset) {
  return toBuffer(buffer).writeInt32LE(value, offset)
}

function writeUInt32BE(buffer, value, offset) {
  return toBuffer(buffer).writeUInt32BE(value, offset)
}

function writeUInt32LE(buffer, value, offset) {
  return toBuffer(buffer).writeUInt32LE(value, offset)
}

module.exports = {
  isBuffer,
  isEncoding,
  alloc,
  allocUnsafe,
  allocUnsafeSlow,
  byteLength,
  compare,
  concat,
  copy,
  equals,
  fill,
  from,
  includes,
  indexOf,
  lastIndexOf,
  swap16,
  swap32,
  swap64,
  toBuffer,
  toString,
  toHex,
  write,
  readDoubleBE,
  readDoubleLE,
  readFloatBE,
  readFloatLE,
  readInt32BE,
  readInt32LE,
  readUInt32BE,
  readUInt32LE,
  writeDoubleBE,
  writeDoubleLE,
  writeFloatBE,
  writeFloatLE,
  writeInt32BE,
  writeInt32LE,
  writeUInt32BE,
  writeUInt32LE
}


/***/ }),

/***/ 580:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

module.exports = __nccwpck_require__(434)


/***/ }),

/***/ 587:
/***/ ((module) => {

module.exports = class FixedFIFO {
  constructor (hwm) {
    if (!(hwm > 0) || ((hwm - 1) & hwm) !== 0) throw new Error('Max size for a FixedFIFO should be a power of two')
    this.buffer = new Array(hwm)
    this.mask = hwm - 1
    this.top = 0
    this.btm = 0
    this.next = null
  }

  clear () {
    this.top = this.btm = 0
    this.next = null
    this.buffer.fill(undefined)
  }

  push (data) {
    if (this.buffer[this.top] !== undefined) return false
    this.buffer[this.top] = data
    this.top = (this.top + 1) & this.mask
    return true
  }

  shift () {
    const last = this.buffer[this.btm]
    if (last === undefined) return undefined
    this.buffer[this.btm] = undefined
    this.btm = (this.btm + 1) & this.mask
    return last
  }

  peek () {
    return this.buffer[this.btm]
  }

  isEmpty () {
    return this.buffer[this.btm] === undefined
  }
}


/***/ }),

/***/ 867:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const FixedFIFO = __nccwpck_require__(587)

module.exports = class FastFIFO {
  constructor (hwm) {
    this.hwm = hwm || 16
    this.head = new FixedFIFO(this.hwm)
    this.tail = this.head
    this.length = 0
  }

  clear () {
    this.head = this.tail
    this.head.clear()
    this.length = 0
  }

  push (val) {
    this.length++
    if (!this.head.push(val)) {
      const prev = this.head
      this.head = prev.next = new FixedFIFO(2 * this.head.buffer.length)
      this.head.push(val)
    }
  }

  shift () {
    if (this.length !== 0) this.length--
    const val = this.tail.shift()
    if (val === undefined && this.tail.next) {
      const next = this.tail.next
      this.tail.next = null
      this.tail = next
      return this.tail.shift()
    }

    return val
  }

  peek () {
    const val = this.tail.peek()
    if (val === undefined && this.tail.next) return this.tail.next.peek()
    return val
  }

  isEmpty () {
    return this.length === 0
  }
}


/***/ }),

/***/ 204:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const { EventEmitter } = __nccwpck_require__(580)
const FIFO = __nccwpck_require__(867)
const TextDecoder = __nccwpck_require__(934)

const StreamError = __nccwpck_require__(657)

// if we do a future major, expect queue microtask to be there always, for now a bit defensive
const qmt =
  typeof queueMicrotask === 'undefined' ? (fn) => global.process.nextTick(fn) : queueMicrotask

// 29 bits used total (4 from shared, 14 from read, and 11 from write)
const MAX = (1 << 29) - 1

// Shared state
const OPENING = 0b0001
const PREDESTROYING = 0b0010
const DESTROYING = 0b0100
const DESTROYED = 0b1000

const NOT_OPENING = MAX ^ OPENING
const NOT_PREDESTROYING = MAX ^ PREDESTROYING

// Read state (4 bit offset from shared state)
const READ_ACTIVE = 0b00000000000001 << 4
const READ_UPDATING = 0b00000000000010 << 4
const READ_PRIMARY = 0b00000000000100 << 4
const READ_QUEUED = 0b00000000001000 << 4
const READ_RESUMED = 0b00000000010000 << 4
const READ_PIPE_DRAINED = 0b00000000100000 << 4
const READ_ENDING = 0b00000001000000 << 4
const READ_EMIT_DATA = 0b00000010000000 << 4
const READ_EMIT_READABLE = 0b00000100000000 << 4
const READ_EMITTED_READABLE = 0b00001000000000 << 4
const READ_DONE = 0b00010000000000 << 4
const READ_NEXT_TICK = 0b00100000000000 << 4
const READ_NEEDS_PUSH = 0b01000000000000 << 4
const READ_READ_AHEAD = 0b10000000000000 << 4

// Combined read state
const READ_FLOWING = READ_RESUMED | READ_PIPE_DRAINED
const READ_ACTIVE_AND_NEEDS_PUSH = READ_ACTIVE | READ_NEEDS_PUSH
const READ_PRIMARY_AND_ACTIVE = READ_PRIMARY | READ_ACTIVE
const READ_EMIT_READABLE_AND_QUEUED = READ_EMIT_READABLE | READ_QUEUED
const READ_RESUMED_READ_AHEAD = READ_RESUMED | READ_READ_AHEAD

const READ_NOT_ACTIVE = MAX ^ READ_ACTIVE
const READ_NON_PRIMARY = MAX ^ READ_PRIMARY
const READ_NON_PRIMARY_AND_PUSHED = MAX ^ (READ_PRIMARY | READ_NEEDS_PUSH)
const READ_PUSHED = MAX ^ READ_NEEDS_PUSH
const READ_PAUSED = MAX ^ READ_RESUMED
const READ_NOT_QUEUED = MAX ^ (READ_QUEUED | READ_EMITTED_READABLE)
const READ_NOT_ENDING = MAX ^ READ_ENDING
const READ_PIPE_NOT_DRAINED = MAX ^ READ_FLOWING
const READ_NOT_NEXT_TICK = MAX ^ READ_NEXT_TICK
const READ_NOT_UPDATING = MAX ^ READ_UPDATING
const READ_NO_READ_AHEAD = MAX ^ READ_READ_AHEAD
const READ_PAUSED_NO_READ_AHEAD = MAX ^ READ_RESUMED_READ_AHEAD

// Write state (18 bit offset, 4 bit offset from shared state and 14 from read state)
const WRITE_ACTIVE = 0b00000000001 << 18
const WRITE_UPDATING = 0b00000000010 << 18
const WRITE_PRIMARY = 0b00000000100 << 18
const WRITE_QUEUED = 0b00000001000 << 18
const WRITE_UNDRAINED = 0b00000010000 << 18
const WRITE_DONE = 0b00000100000 << 18
const WRITE_EMIT_DRAIN = 0b00001000000 << 18
const WRITE_NEXT_TICK = 0b00010000000 << 18
const WRITE_WRITING = 0b00100000000 << 18
const WRITE_FINISHING = 0b01000000000 << 18
const WRITE_CORKED = 0b10000000000 << 18

const WRITE_NOT_ACTIVE = MAX ^ (WRITE_ACTIVE | WRITE_WRITING)
const WRITE_NON_PRIMARY = MAX ^ WRITE_PRIMARY
const WRITE_NOT_FINISHING = MAX ^ (WRITE_ACTIVE | WRITE_FINISHING)
const WRITE_DRAINED = MAX ^ WRITE_UNDRAINED
const WRITE_NOT_QUEUED = MAX ^ WRITE_QUEUED
const WRITE_NOT_NEXT_TICK = MAX ^ WRITE_NEXT_TICK
const WRITE_NOT_UPDATING = MAX ^ WRITE_UPDATING
const WRITE_NOT_CORKED = MAX ^ WRITE_CORKED

// Combined shared state
const ACTIVE = READ_ACTIVE | WRITE_ACTIVE
const NOT_ACTIVE = MAX ^ ACTIVE
const DONE = READ_DONE | WRITE_DONE
const DESTROY_STATUS = DESTROYING | DESTROYED | PREDESTROYING
const OPEN_STATUS = DESTROY_STATUS | OPENING
const AUTO_DESTROY = DESTROY_STATUS | DONE
const NON_PRIMARY = WRITE_NON_PRIMARY & READ_NON_PRIMARY
const ACTIVE_OR_TICKING = WRITE_NEXT_TICK | READ_NEXT_TICK
const TICKING = ACTIVE_OR_TICKING & NOT_ACTIVE
const IS_OPENING = OPEN_STATUS | TICKING

// Combined shared state and read state
const READ_PRIMARY_STATUS = OPEN_STATUS | READ_ENDING | READ_DONE
const READ_STATUS = OPEN_STATUS | READ_DONE | READ_QUEUED
const READ_ENDING_STATUS = OPEN_STATUS | READ_ENDING | READ_QUEUED
const READ_READABLE_STATUS = OPEN_STATUS | READ_EMIT_READABLE | READ_QUEUED | READ_EMITTED_READABLE
const SHOULD_NOT_READ =
  OPEN_STATUS | READ_ACTIVE | READ_ENDING | READ_DONE | READ_NEEDS_PUSH | READ_READ_AHEAD
const READ_BACKPRESSURE_STATUS = DESTROY_STATUS | READ_ENDING | READ_DONE
const READ_UPDATE_SYNC_STATUS = READ_UPDATING | OPEN_STATUS | READ_NEXT_TICK | READ_PRIMARY
const READ_NEXT_TICK_OR_OPENING = READ_NEXT_TICK | OPENING

// Combined write state
const WRITE_PRIMARY_STATUS = OPEN_STATUS | WRITE_FINISHING | WRITE_DONE
const WRITE_QUEUED_AND_UNDRAINED = WRITE_QUEUED | WRITE_UNDRAINED
const WRITE_QUEUED_AND_ACTIVE = WRITE_QUEUED | WRITE_ACTIVE
const WRITE_DRAIN_STATUS = WRITE_QUEUED | WRITE_UNDRAINED | OPEN_STATUS | WRITE_ACTIVE
const WRITE_STATUS = OPEN_STATUS | WRITE_ACTIVE | WRITE_QUEUED | WRITE_CORKED
const WRITE_PRIMARY_AND_ACTIVE = WRITE_PRIMARY | WRITE_ACTIVE
const WRITE_ACTIVE_AND_WRITING = WRITE_ACTIVE | WRITE_WRITING
const WRITE_FINISHING_STATUS = OPEN_STATUS | WRITE_FINISHING | WRITE_QUEUED_AND_ACTIVE | WRITE_DONE
const WRITE_BACKPRESSURE_STATUS = WRITE_UNDRAINED | DESTROY_STATUS | WRITE_FINISHING | WRITE_DONE
const WRITE_UPDATE_SYNC_STATUS = WRITE_UPDATING | OPEN_STATUS | WRITE_NEXT_TICK | WRITE_PRIMARY
const WRITE_DROP_DATA = WRITE_FINISHING | WRITE_DONE | DESTROY_STATUS

const asyncIterator = Symbol.asyncIterator || Symbol('asyncIterator')

class WritableState {
  constructor(
    stream,
    { highWaterMark = 16384, map = null, mapWritable, byteLength, byteLengthWritable } = {}
  ) {
    this.stream = stream
    this.queue = new FIFO()
    this.highWaterMark = highWaterMark
    this.buffered = 0
    this.error = null
    this.pipeline = null
    this.drains = null // if we add more seldomly used helpers we might them into a subobject so its a single ptr
    this.byteLength = byteLengthWritable || byteLength || defaultByteLength
    this.map = mapWritable || map
    this.afterWrite = afterWrite.bind(this)
    this.afterUpdateNextTick = updateWriteNT.bind(this)
  }

  get ending() {
    return (this.stream._duplexState & WRITE_FINISHING) !== 0
  }

  get ended() {
    return (this.stream._duplexState & WRITE_DONE) !== 0
  }

  push(data) {
    if ((this.stream._duplexState & WRITE_DROP_DATA) !== 0) return false
    if (this.map !== null) data = this.map(data)

    this.buffered += this.byteLength(data)
    this.queue.push(data)

    if (this.buffered < this.highWaterMark) {
      this.stream._duplexState |= WRITE_QUEUED
      return true
    }

    this.stream._duplexState |= WRITE_QUEUED_AND_UNDRAINED
    return false
  }

  shift() {
    const data = this.queue.shift()

    this.buffered -= this.byteLength(data)
    if (this.buffered === 0) this.stream._duplexState &= WRITE_NOT_QUEUED

    return data
  }

  end(data) {
    if (typeof data === 'function') {
      this.stream.once('finish', data)
    } else if (data !== undefined && data !== null) {
      this.push(data)
    }

    this.stream._duplexState = (this.stream._duplexState | WRITE_FINISHING) & WRITE_NON_PRIMARY
  }

  autoBatch(data, cb) {
    const buffer = []
    const stream = this.stream

    buffer.push(data)
    while ((stream._duplexState & WRITE_STATUS) === WRITE_QUEUED_AND_ACTIVE) {
      buffer.push(stream._writableState.shift())
    }

    if ((stream._duplexState & OPEN_STATUS) !== 0) return cb(null)
    stream._writev(buffer, cb)
  }

  update() {
    const stream = this.stream

    stream._duplexState |= WRITE_UPDATING

    do {
      while ((stream._duplexState & WRITE_STATUS) === WRITE_QUEUED) {
        const data = this.shift()
        stream._duplexState |= WRITE_ACTIVE_AND_WRITING
        stream._write(data, this.afterWrite)
      }

      if ((stream._duplexState & WRITE_PRIMARY_AND_ACTIVE) === 0) this.updateNonPrimary()
    } while (this.continueUpdate() === true)

    stream._duplexState &= WRITE_NOT_UPDATING
  }

  updateNonPrimary() {
    const stream = this.stream

    if ((stream._duplexState & WRITE_FINISHING_STATUS) === WRITE_FINISHING) {
      stream._duplexState = stream._duplexState | WRITE_ACTIVE
      stream._final(afterFinal.bind(this))
      return
    }

    if ((stream._duplexState & DESTROY_STATUS) === DESTROYING) {
      if ((stream._duplexState & ACTIVE_OR_TICKING) === 0) {
        stream._duplexState |= ACTIVE
        stream._destroy(afterDestroy.bind(this))
      }
      return
    }

    if ((stream._duplexState & IS_OPENING) === OPENING) {
      stream._duplexState = (stream._duplexState | ACTIVE) & NOT_OPENING
      stream._open(afterOpen.bind(this))
    }
  }

  continueUpdate() {
    if ((this.stream._duplexState & WRITE_NEXT_TICK) === 0) return false
    this.stream._duplexState &= WRITE_NOT_NEXT_TICK
    return true
  }

  updateCallback() {
    if ((this.stream._duplexState & WRITE_UPDATE_SYNC_STATUS) === WRITE_PRIMARY) {
      this.update()
    } else {
      this.updateNextTick()
    }
  }

  updateNextTick() {
    if ((this.stream._duplexState & WRITE_NEXT_TICK) !== 0) return
    this.stream._duplexState |= WRITE_NEXT_TICK
    if ((this.stream._duplexState & WRITE_UPDATING) === 0) qmt(this.afterUpdateNextTick)
  }
}

class ReadableState {
  constructor(
    stream,
    { highWaterMark = 16384, map = null, mapReadable, byteLength, byteLengthReadable } = {}
  ) {
    this.stream = stream
    this.queue = new FIFO()
    this.highWaterMark = highWaterMark === 0 ? 1 : highWaterMark
    this.buffered = 0
    this.readAhead = highWaterMark > 0
    this.error = null
    this.pipeline = null
    this.byteLength = byteLengthReadable || byteLength || defaultByteLength
    this.map = mapReadable || map
    this.pipeTo = null
    this.afterRead = afterRead.bind(this)
    this.afterUpdateNextTick = updateReadNT.bind(this)
  }

  get ending() {
    return (this.stream._duplexState & READ_ENDING) !== 0
  }

  get ended() {
    return (this.stream._duplexState & READ_DONE) !== 0
  }

  pipe(pipeTo, cb) {
    if (this.pipeTo !== null) throw StreamError.BAD_ARGUMENT('Can only pipe to one destination')
    if (typeof cb !== 'function') cb = null

    this.stream._duplexState |= READ_PIPE_DRAINED
    this.pipeTo = pipeTo
    this.pipeline = new Pipeline(this.stream, pipeTo, cb)

    if (cb) this.stream.on('error', noop) // We already error handle this so supress crashes

    if (isStreamx(pipeTo)) {
      pipeTo._writableState.pipeline = this.pipeline
      if (cb) pipeTo.on('error', noop) // We already error handle this so supress crashes
      pipeTo.on('finish', this.pipeline.finished.bind(this.pipeline)) // TODO: just call finished from pipeTo itself
    } else {
      const onerror = this.pipeline.done.bind(this.pipeline, pipeTo)
      const onclose = this.pipeline.done.bind(this.pipeline, pipeTo, null) // onclose has a weird bool arg
      pipeTo.on('error', onerror)
      pipeTo.on('close', onclose)
      pipeTo.on('finish', this.pipeline.finished.bind(this.pipeline))
    }

    pipeTo.on('drain', afterDrain.bind(this))
    this.stream.emit('piping', pipeTo)
    pipeTo.emit('pipe', this.stream)
  }

  push(data) {
    const stream = this.stream

    if (data === null) {
      this.highWaterMark = 0
      stream._duplexState = (stream._duplexState | READ_ENDING) & READ_NON_PRIMARY_AND_PUSHED
      return false
    }

    if (this.map !== null) {
      data = this.map(data)
      if (data === null) {
        stream._duplexState &= READ_PUSHED
        return this.buffered < this.highWaterMark
      }
    }

    this.buffered += this.byteLength(data)
    this.queue.push(data)

    stream._duplexState = (stream._duplexState | READ_QUEUED) & READ_PUSHED

    return this.buffered < this.highWaterMark
  }

  shift() {
    const data = this.queue.shift()

    this.buffered -= this.byteLength(data)
    if (this.buffered === 0) {
      this.stream._duplexState &= READ_NOT_QUEUED
    }

    return data
  }

  unshift(data) {
    const pending = [this.map !== null ? this.map(data) : data]
    while (this.buffered > 0) pending.push(this.shift())

    for (let i = 0; i < pending.length - 1; i++) {
      const data = pending[i]
      this.buffered += this.byteLength(data)
      this.queue.push(data)
    }

    this.push(pending[pending.length - 1])
  }

  read() {
    const stream = this.stream

    if ((stream._duplexState & READ_STATUS) === READ_QUEUED) {
      const data = this.shift()

      if (this.pipeTo !== null && this.pipeTo.write(data) === false) {
        stream._duplexState &= READ_PIPE_NOT_DRAINED
      }

      if ((stream._duplexState & READ_EMIT_DATA) !== 0) {
        stream.emit('data', data)
      }

      return data
    }

    if (this.readAhead === false) {
      stream._duplexState |= READ_READ_AHEAD
      this.updateNextTick()
    }

    return null
  }

  drain() {
    const stream = this.stream

    while (
      (stream._duplexState & READ_STATUS) === READ_QUEUED &&
      (stream._duplexState & READ_FLOWING) !== 0
    ) {
      const data = this.shift()

      if (this.pipeTo !== null && this.pipeTo.write(data) === false) {
        stream._duplexState &= READ_PIPE_NOT_DRAINED
      }

      if ((stream._duplexState & READ_EMIT_DATA) !== 0) {
        stream.emit('data', data)
      }
    }
  }

  update() {
    const stream = this.stream

    stream._duplexState |= READ_UPDATING

    do {
      this.drain()

      while (
        this.buffered < this.highWaterMark &&
        (stream._duplexState & SHOULD_NOT_READ) === READ_READ_AHEAD
      ) {
        stream._duplexState |= READ_ACTIVE_AND_NEEDS_PUSH
        stream._read(this.afterRead)
        this.drain()
      }

      if ((stream._duplexState & READ_READABLE_STATUS) === READ_EMIT_READABLE_AND_QUEUED) {
        stream._duplexState |= READ_EMITTED_READABLE
        stream.emit('readable')
      }

      if ((stream._duplexState & READ_PRIMARY_AND_ACTIVE) === 0) {
        this.updateNonPrimary()
      }
    } while (this.continueUpdate() === true)

    stream._duplexState &= READ_NOT_UPDATING
  }

  updateNonPrimary() {
    const stream = this.stream

    if ((stream._duplexState & READ_ENDING_STATUS) === READ_ENDING) {
      stream._duplexState = (stream._duplexState | READ_DONE) & READ_NOT_ENDING
      stream.emit('end')

      if ((stream._duplexState & AUTO_DESTROY) === DONE) {
        stream._duplexState |= DESTROYING
      }

      if (this.pipeTo !== null) {
        this.pipeTo.end()
      }
    }

    if ((stream._duplexState & DESTROY_STATUS) === DESTROYING) {
      if ((stream._duplexState & ACTIVE_OR_TICKING) === 0) {
        stream._duplexState |= ACTIVE
        stream._destroy(afterDestroy.bind(this))
      }
      return
    }

    if ((stream._duplexState & IS_OPENING) === OPENING) {
      stream._duplexState = (stream._duplexState | ACTIVE) & NOT_OPENING
      stream._open(afterOpen.bind(this))
    }
  }

  continueUpdate() {
    if ((this.stream._duplexState & READ_NEXT_TICK) === 0) return false
    this.stream._duplexState &= READ_NOT_NEXT_TICK
    return true
  }

  updateCallback() {
    if ((this.stream._duplexState & READ_UPDATE_SYNC_STATUS) === READ_PRIMARY) {
      this.update()
    } else {
      this.updateNextTick()
    }
  }

  updateNextTickIfOpen() {
    if ((this.stream._duplexState & READ_NEXT_TICK_OR_OPENING) !== 0) return
    this.stream._duplexState |= READ_NEXT_TICK
    if ((this.stream._duplexState & READ_UPDATING) === 0) qmt(this.afterUpdateNextTick)
  }

  updateNextTick() {
    if ((this.stream._duplexState & READ_NEXT_TICK) !== 0) return
    this.stream._duplexState |= READ_NEXT_TICK
    if ((this.stream._duplexState & READ_UPDATING) === 0) qmt(this.afterUpdateNextTick)
  }
}

class TransformState {
  constructor(stream) {
    this.data = null
    this.afterTransform = afterTransform.bind(stream)
    this.afterFinal = null
  }
}

class Pipeline {
  constructor(src, dst, cb) {
    this.from = src
    this.to = dst
    this.afterPipe = cb
    this.error = null
    this.pipeToFinished = false
  }

  finished() {
    this.pipeToFinished = true
  }

  done(stream, err) {
    if (err) this.error = err

    if (stream === this.to) {
      this.to = null

      if (this.from !== null) {
        if ((this.from._duplexState & READ_DONE) === 0 || !this.pipeToFinished) {
          this.from.destroy(this.error || StreamError.PREMATURE_CLOSE('Writable stream closed'))
        }
        return
      }
    }

    if (stream === this.from) {
      this.from = null

      if (this.to !== null) {
        if ((stream._duplexState & READ_DONE) === 0) {
          this.to.destroy(this.error || StreamError.PREMATURE_CLOSE('Readable stream closed'))
        }
        return
      }
    }

    if (this.afterPipe !== null) this.afterPipe(this.error)
    this.to = this.from = this.afterPipe = null
  }
}

function afterDrain() {
  this.stream._duplexState |= READ_PIPE_DRAINED
  this.updateCallback()
}

function afterFinal(err) {
  const stream = this.stream
  if (err) stream.destroy(err)

  if ((stream._duplexState & DESTROY_STATUS) === 0) {
    stream._duplexState |= WRITE_DONE
    stream.emit('finish')
  }

  if ((stream._duplexState & AUTO_DESTROY) === DONE) {
    stream._duplexState |= DESTROYING
  }

  stream._duplexState &= WRITE_NOT_FINISHING

  // no need to wait the extra tick here, so we short circuit that
  if ((stream._duplexState & WRITE_UPDATING) === 0) {
    this.update()
  } else {
    this.updateNextTick()
  }
}

function afterDestroy(err) {
  const stream = this.stream

  if (!err && !StreamError.isStreamDestroyed(this.error)) err = this.error
  if (err) stream.emit('error', err)

  stream._duplexState |= DESTROYED
  stream.emit('close')

  const rs = stream._readableState
  const ws = stream._writableState

  if (rs !== null && rs.pipeline !== null) {
    rs.pipeline.done(stream, err)
  }

  if (ws !== null) {
    while (ws.drains !== null && ws.drains.length > 0) {
      ws.drains.shift().resolve(false)
    }

    if (ws.pipeline !== null) {
      ws.pipeline.done(stream, err)
    }
  }
}

function afterWrite(err) {
  const stream = this.stream

  if (err) stream.destroy(err)
  stream._duplexState &= WRITE_NOT_ACTIVE

  if (this.drains !== null) tickDrains(this.drains)

  if ((stream._duplexState & WRITE_DRAIN_STATUS) === WRITE_UNDRAINED) {
    stream._duplexState &= WRITE_DRAINED

    if ((stream._duplexState & WRITE_EMIT_DRAIN) === WRITE_EMIT_DRAIN) {
      stream.emit('drain')
    }
  }

  this.updateCallback()
}

function afterRead(err) {
  if (err) this.stream.destroy(err)
  this.stream._duplexState &= READ_NOT_ACTIVE

  if (this.readAhead === false && (this.stream._duplexState & READ_RESUMED) === 0) {
    this.stream._duplexState &= READ_NO_READ_AHEAD
  }

  this.updateCallback()
}

function updateReadNT() {
  if ((this.stream._duplexState & READ_UPDATING) === 0) {
    this.stream._duplexState &= READ_NOT_NEXT_TICK
    this.update()
  }
}

function updateWriteNT() {
  if ((this.stream._duplexState & WRITE_UPDATING) === 0) {
    this.stream._duplexState &= WRITE_NOT_NEXT_TICK
    this.update()
  }
}

function tickDrains(drains) {
  for (let i = 0; i < drains.length; i++) {
    // drains.writes are monotonic, so if one is 0 its always the first one
    if (--drains[i].writes === 0) {
      drains.shift().resolve(true)
      i--
    }
  }
}

function afterOpen(err) {
  const stream = this.stream

  if (err) stream.destroy(err)

  if ((stream._duplexState & DESTROYING) === 0) {
    if ((stream._duplexState & READ_PRIMARY_STATUS) === 0) {
      stream._duplexState |= READ_PRIMARY
    }

    if ((stream._duplexState & WRITE_PRIMARY_STATUS) === 0) {
      stream._duplexState |= WRITE_PRIMARY
    }

    stream.emit('open')
  }

  stream._duplexState &= NOT_ACTIVE

  if (stream._writableState !== null) {
    stream._writableState.updateCallback()
  }

  if (stream._readableState !== null) {
    stream._readableState.updateCallback()
  }
}

function afterTransform(err, data) {
  if (data !== undefined && data !== null) this.push(data)
  this._writableState.afterWrite(err)
}

function newListener(name) {
  if (this._readableState !== null) {
    if (name === 'data') {
      this._duplexState |= READ_EMIT_DATA | READ_RESUMED_READ_AHEAD
      this._readableState.updateNextTick()
    }
    if (name === 'readable') {
      this._duplexState |= READ_EMIT_READABLE
      this._readableState.updateNextTick()
    }
  }

  if (this._writableState !== null) {
    if (name === 'drain') {
      this._duplexState |= WRITE_EMIT_DRAIN
      this._writableState.updateNextTick()
    }
  }
}

class Stream extends EventEmitter {
  constructor(opts) {
    super()

    this._duplexState = 0
    this._readableState = null
    this._writableState = null

    if (opts) {
      if (opts.open) this._open = opts.open
      if (opts.destroy) this._destroy = opts.destroy
      if (opts.predestroy) this._predestroy = opts.predestroy
      if (opts.signal) opts.signal.addEventListener('abort', abort.bind(this))
    }

    this.on('newListener', newListener)
  }

  _open(cb) {
    cb(null)
  }

  _destroy(cb) {
    cb(null)
  }

  _predestroy() {
    // does nothing
  }

  get readable() {
    return this._readableState !== null ? true : undefined
  }

  get writable() {
    return this._writableState !== null ? true : undefined
  }

  get destroyed() {
    return (this._duplexState & DESTROYED) !== 0
  }

  get destroying() {
    return (this._duplexState & DESTROY_STATUS) !== 0
  }

  destroy(err) {
    if ((this._duplexState & DESTROY_STATUS) === 0) {
      if (!err) err = StreamError.STREAM_DESTROYED()
      this._duplexState = (this._duplexState | DESTROYING) & NON_PRIMARY

      if (this._readableState !== null) {
        this._readableState.highWaterMark = 0
        this._readableState.error = err
      }

      if (this._writableState !== null) {
        this._writableState.highWaterMark = 0
        this._writableState.error = err
      }

      this._duplexState |= PREDESTROYING
      this._predestroy()
      this._duplexState &= NOT_PREDESTROYING

      if (this._readableState !== null) {
        this._readableState.updateNextTick()
      }

      if (this._writableState !== null) {
        this._writableState.updateNextTick()
      }
    }
  }
}

class Readable extends Stream {
  constructor(opts) {
    super(opts)

    this._duplexState |= OPENING | WRITE_DONE | READ_READ_AHEAD
    this._readableState = new ReadableState(this, opts)

    if (opts) {
      if (this._readableState.readAhead === false) this._duplexState &= READ_NO_READ_AHEAD
      if (opts.read) this._read = opts.read
      if (opts.eagerOpen) this._readableState.updateNextTick()
      if (opts.encoding) this.setEncoding(opts.encoding)
    }
  }

  static deferred(fn, opts) {
    const out = new PassThrough(opts)

    fn()
      .then((src) => {
        if (src === null) return out.end()
        if (out.destroying) return
        pipeline(src, out, noop)
      })
      .catch((err) => out.destroy(err))

    return out
  }

  setEncoding(encoding) {
    const dec = new TextDecoder(encoding)
    const map = this._readableState.map || echo
    this._readableState.map = mapOrSkip
    return this

    function mapOrSkip(data) {
      const next = dec.push(data)
      return next === '' && (data.byteLength !== 0 || dec.remaining > 0) ? null : map(next)
    }
  }

  _read(cb) {
    cb(null)
  }

  pipe(dest, cb) {
    this._readableState.updateNextTick()
    this._readableState.pipe(dest, cb)
    return dest
  }

  read() {
    this._readableState.updateNextTick()
    return this._readableState.read()
  }

  push(data) {
    this._readableState.updateNextTickIfOpen()
    return this._readableState.push(data)
  }

  unshift(data) {
    this._readableState.updateNextTickIfOpen()
    return this._readableState.unshift(data)
  }

  resume() {
    this._duplexState |= READ_RESUMED_READ_AHEAD
    this._readableState.updateNextTick()
    return this
  }

  pause() {
    this._duplexState &=
      this._readableState.readAhead === false ? READ_PAUSED_NO_READ_AHEAD : READ_PAUSED
    return this
  }

  static _fromAsyncIterator(ite, opts) {
    let destroy

    const rs = new Readable({
      ...opts,
      read(cb) {
        ite.next().then(push).then(cb.bind(null, null)).catch(cb)
      },
      predestroy() {
        destroy = ite.return()
      },
      destroy(cb) {
        if (!destroy) return cb(null)
        destroy.then(cb.bind(null, null)).catch(cb)
      }
    })

    return rs

    function push(data) {
      if (data.done) rs.push(null)
      else rs.push(data.value)
    }
  }

  static from(data, opts) {
    if (isReadStreamx(data)) return data
    if (data[asyncIterator]) return this._fromAsyncIterator(data[asyncIterator](), opts)
    if (!Array.isArray(data)) data = data === undefined ? [] : [data]

    let i = 0
    return new Readable({
      ...opts,
      read(cb) {
        this.push(i === data.length ? null : data[i++])
        cb(null)
      }
    })
  }

  static isBackpressured(rs) {
    return (
      (rs._duplexState & READ_BACKPRESSURE_STATUS) !== 0 ||
      rs._readableState.buffered >= rs._readableState.highWaterMark
    )
  }

  static isPaused(rs) {
    return (rs._duplexState & READ_RESUMED) === 0
  }

  [asyncIterator]() {
    const stream = this

    let error = null
    let promiseResolve = null
    let promiseReject = null

    this.on('error', (err) => {
      error = err
    })
    this.on('readable', onreadable)
    this.on('close', onclose)

    return {
      [asyncIterator]() {
        return this
      },
      next() {
        return new Promise(function (resolve, reject) {
          promiseResolve = resolve
          promiseReject = reject
          const data = stream.read()
          if (data !== null) ondata(data)
          else if ((stream._duplexState & DESTROYED) !== 0) ondata(null)
        })
      },
      return() {
        return destroy(null)
      },
      throw(err) {
        return destroy(err)
      }
    }

    function onreadable() {
      if (promiseResolve !== null) ondata(stream.read())
    }

    function onclose() {
      if (promiseResolve !== null) ondata(null)
    }

    function ondata(data) {
      if (promiseReject === null) return
      if (error) {
        promiseReject(error)
      } else if (data === null && (stream._duplexState & READ_DONE) === 0) {
        promiseReject(StreamError.STREAM_DESTROYED())
      } else {
        promiseResolve({ value: data, done: data === null })
      }
      promiseReject = promiseResolve = null
    }

    function destroy(err) {
      stream.destroy(err)
      return new Promise((resolve, reject) => {
        if (stream._duplexState & DESTROYED) return resolve({ value: undefined, done: true })
        stream.once('close', function () {
          if (err) reject(err)
          else resolve({ value: undefined, done: true })
        })
      })
    }
  }
}

class Writable extends Stream {
  constructor(opts) {
    super(opts)

    this._duplexState |= OPENING | READ_DONE
    this._writableState = new WritableState(this, opts)

    if (opts) {
      if (opts.writev) this._writev = opts.writev
      if (opts.write) this._write = opts.write
      if (opts.final) this._final = opts.final
      if (opts.eagerOpen) this._writableState.updateNextTick()
    }
  }

  cork() {
    this._duplexState |= WRITE_CORKED
  }

  uncork() {
    this._duplexState &= WRITE_NOT_CORKED
    this._writableState.updateNextTick()
  }

  _writev(batch, cb) {
    cb(null)
  }

  _write(data, cb) {
    this._writableState.autoBatch(data, cb)
  }

  _final(cb) {
    cb(null)
  }

  static isBackpressured(ws) {
    return (ws._duplexState & WRITE_BACKPRESSURE_STATUS) !== 0
  }

  static drained(ws) {
    if (ws.destroyed) return Promise.resolve(false)

    const state = ws._writableState
    const pending = isWritev(ws) ? Math.min(1, state.queue.length) : state.queue.length
    const writes = pending + (ws._duplexState & WRITE_WRITING ? 1 : 0)
    if (writes === 0) return Promise.resolve(true)

    if (state.drains === null) state.drains = []
    return new Promise((resolve) => {
      state.drains.push({ writes, resolve })
    })
  }

  write(data) {
    this._writableState.updateNextTick()
    return this._writableState.push(data)
  }

  end(data) {
    this._writableState.updateNextTick()
    this._writableState.end(data)
    return this
  }
}

class Duplex extends Readable {
  // and Writable
  constructor(opts) {
    super(opts)

    this._duplexState = OPENING | (this._duplexState & READ_READ_AHEAD)
    this._writableState = new WritableState(this, opts)

    if (opts) {
      if (opts.writev) this._writev = opts.writev
      if (opts.write) this._write = opts.write
      if (opts.final) this._final = opts.final
    }
  }

  cork() {
    this._duplexState |= WRITE_CORKED
  }

  uncork() {
    this._duplexState &= WRITE_NOT_CORKED
    this._writableState.updateNextTick()
  }

  _writev(batch, cb) {
    cb(null)
  }

  _write(data, cb) {
    this._writableState.autoBatch(data, cb)
  }

  _final(cb) {
    cb(null)
  }

  write(data) {
    this._writableState.updateNextTick()
    return this._writableState.push(data)
  }

  end(data) {
    this._writableState.updateNextTick()
    this._writableState.end(data)
    return this
  }
}

class Transform extends Duplex {
  constructor(opts) {
    super(opts)
    this._transformState = new TransformState(this)

    if (opts) {
      if (opts.transform) this._transform = opts.transform
      if (opts.flush) this._flush = opts.flush
    }
  }

  _write(data, cb) {
    if (this._readableState.buffered >= this._readableState.highWaterMark) {
      this._transformState.data = data
    } else {
      this._transform(data, this._transformState.afterTransform)
    }
  }

  _read(cb) {
    if (this._transformState.data !== null) {
      const data = this._transformState.data
      this._transformState.data = null
      cb(null)
      this._transform(data, this._transformState.afterTransform)
    } else {
      cb(null)
    }
  }

  destroy(err) {
    super.destroy(err)
    if (this._transformState.data !== null) {
      this._transformState.data = null
      this._transformState.afterTransform()
    }
  }

  _transform(data, cb) {
    cb(null, data)
  }

  _flush(cb) {
    cb(null)
  }

  _final(cb) {
    this._transformState.afterFinal = cb
    this._flush(transformAfterFlush.bind(this))
  }
}

class PassThrough extends Transform {}

function transformAfterFlush(err, data) {
  const cb = this._transformState.afterFinal
  if (err) return cb(err)

  if (data !== null && data !== undefined) this.push(data)
  this.push(null)
  cb(null)
}

function pipelinePromise(...streams) {
  return new Promise((resolve, reject) => {
    return pipeline(...streams, (err) => {
      if (err) return reject(err)
      resolve()
    })
  })
}

function pipeline(stream, ...streams) {
  const all = Array.isArray(stream) ? [...stream, ...streams] : [stream, ...streams]
  const done = all.length && typeof all[all.length - 1] === 'function' ? all.pop() : null

  if (all.length < 2) throw StreamError.BAD_ARGUMENT('Pipeline requires at least 2 streams')

  let src = all[0]
  let dest = null
  let error = null

  for (let i = 1; i < all.length; i++) {
    dest = all[i]

    if (isStreamx(src)) {
      src.pipe(dest, onerror)
    } else {
      errorHandle(src, true, i > 1, onerror)
      src.pipe(dest)
    }

    src = dest
  }

  if (done) {
    let fin = false

    const autoDestroy =
      isStreamx(dest) || !!(dest._writableState && dest._writableState.autoDestroy)

    dest.on('error', (err) => {
      if (error === null) error = err
    })

    dest.on('finish', () => {
      fin = true
      if (!autoDestroy) done(error)
    })

    if (autoDestroy) {
      dest.on('close', () => done(error || (fin ? null : StreamError.PREMATURE_CLOSE())))
    }
  }

  return dest

  function errorHandle(s, rd, wr, onerror) {
    s.on('error', onerror)
    s.on('close', onclose)

    function onclose() {
      if (rd && s._readableState && !s._readableState.ended) {
        return onerror(StreamError.PREMATURE_CLOSE())
      }
      if (wr && s._writableState && !s._writableState.ended) {
        return onerror(StreamError.PREMATURE_CLOSE())
      }
    }
  }

  function onerror(err) {
    if (!err || error) return
    error = err

    for (const s of all) {
      s.destroy(err)
    }
  }
}

function echo(s) {
  return s
}

function isStream(stream) {
  return !!stream._readableState || !!stream._writableState
}

function isStreamx(stream) {
  return typeof stream._duplexState === 'number' && isStream(stream)
}

function isEnding(stream) {
  return !!stream._readableState && stream._readableState.ending
}

function isEnded(stream) {
  return !!stream._readableState && stream._readableState.ended
}

function isFinishing(stream) {
  return !!stream._writableState && stream._writableState.ending
}

function isFinished(stream) {
  return !!stream._writableState && stream._writableState.ended
}

function getStreamError(stream, opts = {}) {
  const err =
    (stream._readableState && stream._readableState.error) ||
    (stream._writableState && stream._writableState.error)

  // avoid implicit errors by default
  return !opts.all && StreamError.isStreamDestroyed(err) ? null : err
}

function isReadStreamx(stream) {
  return isStreamx(stream) && stream.readable
}

function isDisturbed(stream) {
  return (
    (stream._duplexState & OPENING) !== OPENING ||
    (stream._duplexState & DESTROYING) === DESTROYING ||
    (stream._duplexState & ACTIVE_OR_TICKING) !== 0
  )
}

function isTypedArray(data) {
  return typeof data === 'object' && data !== null && typeof data.byteLength === 'number'
}

function defaultByteLength(data) {
  return isTypedArray(data) ? data.byteLength : 1024
}

function noop() {}

function abort() {
  this.destroy(StreamError.ABORTED())
}

function isWritev(s) {
  return s._writev !== Writable.prototype._writev && s._writev !== Duplex.prototype._writev
}

module.exports = {
  pipeline,
  pipelinePromise,
  isStream,
  isStreamx,
  isEnding,
  isEnded,
  isFinishing,
  isFinished,
  isDisturbed,
  getStreamError,
  Stream,
  Writable,
  Readable,
  Duplex,
  Transform,
  // Export PassThrough for compatibility with Node.js core's stream module
  PassThrough
}


/***/ }),

/***/ 657:
/***/ ((module) => {

module.exports = class StreamError extends Error {
  constructor(msg, code, fn = StreamError) {
    super(msg)

    this.code = code

    if (Error.captureStackTrace) {
      Error.captureStackTrace(this, fn)
    }
  }

  static isStreamDestroyed(err) {
    return err && err.code === 'STREAM_DESTROYED'
  }

  static isPrematureClose(err) {
    return err && err.code === 'PREMATURE_CLOSE'
  }

  static isAborted(err) {
    return err && err.code === 'ABORTED'
  }

  static isBadArgument(err) {
    return err && err.code === 'BAD_ARGUMENT'
  }

  get name() {
    return 'StreamError'
  }

  static STREAM_DESTROYED() {
    return new StreamError('Stream was destroyed', 'STREAM_DESTROYED', StreamError.STREAM_DESTROYED)
  }

  static PREMATURE_CLOSE(msg = 'Premature close') {
    return new StreamError(msg, 'PREMATURE_CLOSE', StreamError.PREMATURE_CLOSE)
  }

  static ABORTED() {
    return new StreamError('Stream aborted', 'ABORTED', StreamError.ABORTED)
  }

  static BAD_ARGUMENT(msg = 'Bad argument') {
    return new StreamError(msg, 'BAD_ARGUMENT', StreamError.BAD_ARGUMENT)
  }
}


/***/ }),

/***/ 775:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const constants = { // just for envs without fs
  S_IFMT: 61440,
  S_IFDIR: 16384,
  S_IFCHR: 8192,
  S_IFBLK: 24576,
  S_IFIFO: 4096,
  S_IFLNK: 40960
}

try {
  module.exports = (__nccwpck_require__(896).constants) || constants
} catch {
  module.exports = constants
}


/***/ }),

/***/ 763:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const { Writable, Readable, getStreamError } = __nccwpck_require__(204)
const FIFO = __nccwpck_require__(867)
const b4a = __nccwpck_require__(57)
const headers = __nccwpck_require__(428)

const EMPTY = b4a.alloc(0)
const MAX_HEADER_SIZE = 4 * 1024 * 1024 // arbitrary big number

class BufferList {
  constructor () {
    this.buffered = 0
    this.shifted = 0
    this.queue = new FIFO()

    this._offset = 0
  }

  push (buffer) {
    this.buffered += buffer.byteLength
    this.queue.push(buffer)
  }

  shiftFirst (size) {
    return this.buffered === 0 ? null : this._next(size)
  }

  shift (size) {
    if (size > this.buffered) return null
    if (size === 0) return EMPTY

    let chunk = this._next(size)

    if (size === chunk.byteLength) return chunk // likely case

    const chunks = [chunk]

    while ((size -= chunk.byteLength) > 0) {
      chunk = this._next(size)
      chunks.push(chunk)
    }

    return b4a.concat(chunks)
  }

  _next (size) {
    const buf = this.queue.peek()
    const rem = buf.byteLength - this._offset

    if (size >= rem) {
      const sub = this._offset ? buf.subarray(this._offset, buf.byteLength) : buf
      this.queue.shift()
      this._offset = 0
      this.buffered -= rem
      this.shifted += rem
      return sub
    }

    this.buffered -= size
    this.shifted += size

    return buf.subarray(this._offset, (this._offset += size))
  }
}

class Source extends Readable {
  constructor (self, header, offset) {
    super()

    this.header = header
    this.offset = offset

    this._parent = self

    // errors are always forwarded to the parent, so the entry itself should never throw an unhandled one
    this.on('error', noop)
  }

  _read (cb) {
    if (this.header.size === 0) {
      this.push(null)
    }
    if (this._parent._stream === this) {
      this._parent._update()
    }
    cb(null)
  }

  _predestroy () {
    this._parent.destroy(getStreamError(this))
  }

  _detach () {
    if (this._parent._stream === this) {
      this._parent._stream = null
      this._parent._missing = overflow(this.header.size)
      this._parent._update()
    }
  }

  _destroy (cb) {
    this._detach()
    cb(null)
  }
}

class Extract extends Writable {
  constructor (opts) {
    super(opts)

    if (!opts) opts = {}

    this._buffer = new BufferList()
    this._offset = 0
    this._header = null
    this._stream = null
    this._missing = 0
    this._longHeader = false
    this._callback = noop
    this._locked = false
    this._updating = false
    this._finished = false
    this._pax = null
    this._paxGlobal = null
    this._gnuLongPath = null
    this._gnuLongLinkPath = null
    this._filenameEncoding = opts.filenameEncoding || 'utf-8'
    this._allowUnknownFormat = !!opts.allowUnknownFormat
    this._unlockBound = this._unlock.bind(this)
  }

  _unlock (err) {
    this._locked = false

    if (err) {
      this.destroy(err)
      this._continueWrite(err)
      return
    }

    this._update()
  }

  _consumeHeader () {
    if (this._locked) return false

    this._offset = this._buffer.shifted

    try {
      this._header = headers.decode(this._buffer.shift(512), this._filenameEncoding, this._allowUnknownFormat)
    } catch (err) {
      this._continueWrite(err)
      return false
    }

    if (!this._header) return true

    this._header.byteOffset = this._buffer.shifted

    switch (this._header.type) {
      case 'gnu-long-path':
      case 'gnu-long-link-path':
      case 'pax-global-header':
      case 'pax-header':
        this._longHeader = true
        this._missing = this._header.size
        if (this._missing > MAX_HEADER_SIZE) {
          this._continueWrite(new Error('Header exceeds max size'))
          return false
        }
        return true
    }

    this._locked = true
    this._applyLongHeaders()

    if (!(this._header.size >= 0)) {
      this._continueWrite(new Error('Invalid header'))
      return false
    }

    if (this._header.size === 0 || this._header.type === 'directory') {
      this.emit('entry', this._header, this._createStream(), this._unlockBound)
      return true
    }

    this._stream = this._createStream()
    this._missing = this._header.size

    this.emit('entry', this._header, this._stream, this._unlockBound)
    return true
  }

  _applyLongHeaders () {
    if (this._gnuLongPath) {
      this._header.name = this._gnuLongPath
      this._gnuLongPath = null
    }

    if (this._gnuLongLinkPath) {
      this._header.linkname = this._gnuLongLinkPath
      this._gnuLongLinkPath = null
    }

    if (this._pax) {
      if (this._pax.path) this._header.name = this._pax.path
      if (this._pax.linkpath) this._header.linkname = this._pax.linkpath
      if (this._pax.size) this._header.size = parseInt(this._pax.size, 10)
      this._header.pax = this._pax
      this._pax = null
    }
  }

  _decodeLongHeader (buf) {
    switch (this._header.type) {
      case 'gnu-long-path':
        this._gnuLongPath = headers.decodeLongPath(buf, this._filenameEncoding)
        break
      case 'gnu-long-link-path':
        this._gnuLongLinkPath = headers.decodeLongPath(buf, this._filenameEncoding)
        break
      case 'pax-global-header':
        this._paxGlobal = validatePax(headers.decodePax(buf))
        break
      case 'pax-header':
        this._pax = this._paxGlobal === null
          ? validatePax(headers.decodePax(buf))
          : Object.assign({}, this._paxGlobal, validatePax(headers.decodePax(buf)))
        break
    }
  }

  _consumeLongHeader () {
    this._longHeader = false
    this._missing = overflow(this._header.size)

    const buf = this._buffer.shift(this._header.size)

    try {
      this._decodeLongHeader(buf)
    } catch (err) {
      this._continueWrite(err)
      return false
    }

    return true
  }

  _consumeStream () {
    const buf = this._buffer.shiftFirst(this._missing)
    if (buf === null) return false

    this._missing -= buf.byteLength
    const drained = this._stream.push(buf)

    if (this._missing === 0) {
      this._stream.push(null)
      if (drained) this._stream._detach()
      return drained && this._locked === false
    }

    return drained
  }

  _createStream () {
    return new Source(this, this._header, this._offset)
  }

  _update () {
    if (this._updating) return // the running update picks up any state changes
    this._updating = true
    const done = this._consume()
    this._updating = false
    if (done) this._continueWrite(null)
  }

  _consume () {
    while (this._buffer.buffered > 0 && !this.destroying) {
      if (this._missing > 0) {
        if (this._stream !== null) {
          if (this._consumeStream() === false) return false
          continue
        }

        if (this._longHeader === true) {
          if (this._missing > this._buffer.buffered) break
          if (this._consumeLongHeader() === false) return false
          continue
        }

        const ignore = this._buffer.shiftFirst(this._missing)
        if (ignore !== null) this._missing -= ignore.byteLength
        continue
      }

      if (this._buffer.buffered < 512) break
      if (this._stream !== null || this._consumeHeader() === false) return false
    }

    return true
  }

  _continueWrite (err) {
    const cb = this._callback
    this._callback = noop
    cb(err)
  }

  _write (data, cb) {
    this._callback = cb
    this._buffer.push(data)
    this._update()
  }

  _final (cb) {
    this._finished = this._missing === 0 && this._buffer.buffered === 0
    cb(this._finished ? null : new Error('Unexpected end of data'))
  }

  _predestroy () {
    this._continueWrite(null)
  }

  _destroy (cb) {
    if (this._stream) this._stream.destroy(getStreamError(this))
    cb(null)
  }

  [Symbol.asyncIterator] () {
    let error = null

    let promiseResolve = null
    let promiseReject = null

    let entryStream = null
    let entryCallback = null

    const extract = this

    this.on('entry', onentry)
    this.on('error', (err) => { error = err })
    this.on('close', onclose)

    return {
      [Symbol.asyncIterator] () {
        return this
      },
      next () {
        return new Promise(onnext)
      },
      return () {
        return destroy(null)
      },
      throw (err) {
        return destroy(err)
      }
    }

    function consumeCallback (err) {
      if (!entryCallback) return
      const cb = entryCallback
      entryCallback = null
      cb(err)
    }

    function onnext (resolve, reject) {
      if (error) {
        return reject(error)
      }

      if (entryStream) {
        resolve({ value: entryStream, done: false })
        entryStream = null
        return
      }

      promiseResolve = resolve
      promiseReject = reject

      consumeCallback(null)

      if (extract._finished && promiseResolve) {
        promiseResolve({ value: undefined, done: true })
        promiseResolve = promiseReject = null
      }
    }

    function onentry (header, stream, callback) {
      entryCallback = callback
      stream.on('error', noop) // no way around this due to tick sillyness

      if (promiseResolve) {
        promiseResolve({ value: stream, done: false })
        promiseResolve = promiseReject = null
      } else {
        entryStream = stream
      }
    }

    function onclose () {
      consumeCallback(error)
      if (!promiseResolve) return
      if (error) promiseReject(error)
      else promiseResolve({ value: undefined, done: true })
      promiseResolve = promiseReject = null
    }

    function destroy (err) {
      extract.destroy(err)
      consumeCallback(err)
      return new Promise((resolve, reject) => {
        if (extract.destroyed) return resolve({ value: undefined, done: true })
        extract.once('close', function () {
          if (err) reject(err)
          else resolve({ value: undefined, done: true })
        })
      })
    }
  }
}

module.exports = function extract (opts) {
  return new Extract(opts)
}

function noop () {}

function validatePax (pax) {
  if (hasNull(pax.path) || hasNull(pax.linkpath)) throw new Error('Invalid tar header: pax path contains a null byte.')
  return pax
}

function hasNull (str) {
  return typeof str === 'string' && str.indexOf('\0') !== -1
}

function overflow (size) {
  size &= 511
  return size && 512 - size
}


/***/ }),

/***/ 428:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

const b4a = __nccwpck_require__(57)

const ZEROS = '0000000000000000000'
const SEVENS = '7777777777777777777'
const ZERO_OFFSET = '0'.charCodeAt(0)
const USTAR_MAGIC = b4a.from([0x75, 0x73, 0x74, 0x61, 0x72, 0x00]) // ustar\x00
const USTAR_VER = b4a.from([ZERO_OFFSET, ZERO_OFFSET])
const GNU_MAGIC = b4a.from([0x75, 0x73, 0x74, 0x61, 0x72, 0x20]) // ustar\x20
const GNU_VER = b4a.from([0x20, 0x00])
const MASK = 0o7777
const MAGIC_OFFSET = 257
const VERSION_OFFSET = 263

exports.decodeLongPath = function decodeLongPath (buf, encoding) {
  return decodeStr(buf, 0, buf.length, encoding)
}

exports.encodePax = function encodePax (opts) { // TODO: encode more stuff in pax
  let result = ''
  if (opts.name) result += addLength(' path=' + opts.name + '\n')
  if (opts.linkname) result += addLength(' linkpath=' + opts.linkname + '\n')
  const pax = opts.pax
  if (pax) {
    for (const key in pax) {
      result += addLength(' ' + key + '=' + pax[key] + '\n')
    }
  }
  return b4a.from(result)
}

exports.decodePax = function decodePax (buf) {
  const result = {}

  while (buf.length) {
    let i = 0
    while (i < buf.length && buf[i] !== 32) i++
    const len = parseInt(b4a.toString(buf.subarray(0, i)), 10)
    if (!len) return result

    const b = b4a.toString(buf.subarray(i + 1, len - 1))
    const keyIndex = b.indexOf('=')
    if (keyIndex === -1) return result
    result[b.slice(0, keyIndex)] = b.slice(keyIndex + 1)

    buf = buf.subarray(len)
  }

  return result
}

exports.encode = function encode (opts) {
  const buf = b4a.alloc(512)
  let name = opts.name
  let prefix = ''

  if (opts.typeflag === 5 && name[name.length - 1] !== '/') name += '/'
  if (b4a.byteLength(name) !== name.length) return null // utf-8

  while (b4a.byteLength(name) > 100) {
    const i = name.indexOf('/')
    if (i === -1) return null
    prefix += prefix ? '/' + name.slice(0, i) : name.slice(0, i)
    name = name.slice(i + 1)
  }

  if (b4a.byteLength(name) > 100 || b4a.byteLength(prefix) > 155) return null
  if (opts.linkname && b4a.byteLength(opts.linkname) > 100) return null

  b4a.write(buf, name)
  b4a.write(buf, encodeOct(opts.mode & MASK, 6), 100)
  b4a.write(buf, encodeOct(opts.uid, 6), 108)
  b4a.write(buf, encodeOct(opts.gid, 6), 116)
  encodeSize(opts.size, buf, 124)
  encodeSize(Math.floor(opts.mtime.getTime() / 1000) || 0, buf, 136)

  buf[156] = ZERO_OFFSET + toTypeflag(opts.type)

  if (opts.linkname) b4a.write(buf, opts.linkname, 157)

  b4a.copy(USTAR_MAGIC, buf, MAGIC_OFFSET)
  b4a.copy(USTAR_VER, buf, VERSION_OFFSET)
  if (opts.uname) b4a.write(buf, opts.uname, 265)
  if (opts.gname) b4a.write(buf, opts.gname, 297)
  b4a.write(buf, encodeOct(opts.devmajor || 0, 6), 329)
  b4a.write(buf, encodeOct(opts.devminor || 0, 6), 337)

  if (prefix) b4a.write(buf, prefix, 345)

  b4a.write(buf, encodeOct(cksum(buf), 6), 148)

  return buf
}

exports.decode = function decode (buf, filenameEncoding, allowUnknownFormat) {
  let typeflag = buf[156] === 0 ? 0 : buf[156] - ZERO_OFFSET

  let name = decodeStr(buf, 0, 100, filenameEncoding)
  const mode = decodeOct(buf, 100, 8)
  const uid = decodeOct(buf, 108, 8)
  const gid = decodeOct(buf, 116, 8)
  const size = decodeOct(buf, 124, 12)
  const mtime = decodeOct(buf, 136, 12)
  const type = toType(typeflag)
  const linkname = buf[157] === 0 ? null : decodeStr(buf, 157, 100, filenameEncoding)
  const uname = decodeStr(buf, 265, 32)
  const gname = decodeStr(buf, 297, 32)
  const devmajor = decodeOct(buf, 329, 8)
  const devminor = decodeOct(buf, 337, 8)

  const c = cksum(buf)

  // checksum is still initial value if header was null.
  if (c === 8 * 32) return null

  // valid checksum
  if (c !== decodeOct(buf, 148, 8)) throw new Error('Invalid tar header. Maybe the tar is corrupted or it needs to be gunzipped?')

  if (isUSTAR(buf)) {
    // ustar (posix) format.
    // prepend prefix, if present.
    if (buf[345]) name = decodeStr(buf, 345, 155, filenameEncoding) + '/' + name
  } else if (isGNU(buf)) {
    // 'gnu'/'oldgnu' format. Similar to ustar, but has support for incremental and
    // multi-volume tarballs.
  } else {
    if (!allowUnknownFormat) {
      throw new Error('Invalid tar header: unknown format.')
    }
  }

  // to support old tar versions that use trailing / to indicate dirs
  if (typeflag === 0 && name && name[name.length - 1] === '/') typeflag = 5

  return {
    name,
    mode,
    uid,
    gid,
    size,
    byteOffset: 0,
    mtime: new Date(1000 * mtime),
    type,
    linkname,
    uname,
    gname,
    devmajor,
    devminor,
    pax: null
  }
}

function isUSTAR (buf) {
  return b4a.equals(USTAR_MAGIC, buf.subarray(MAGIC_OFFSET, MAGIC_OFFSET + 6))
}

function isGNU (buf) {
  return b4a.equals(GNU_MAGIC, buf.subarray(MAGIC_OFFSET, MAGIC_OFFSET + 6)) &&
    b4a.equals(GNU_VER, buf.subarray(VERSION_OFFSET, VERSION_OFFSET + 2))
}

function clamp (index, len, defaultValue) {
  if (typeof index !== 'number') return defaultValue
  index = ~~index // Coerce to integer.
  if (index >= len) return len
  if (index >= 0) return index
  index += len
  if (index >= 0) return index
  return 0
}

function toType (flag) {
  switch (flag) {
    case 0:
      return 'file'
    case 1:
      return 'link'
    case 2:
      return 'symlink'
    case 3:
      return 'character-device'
    case 4:
      return 'block-device'
    case 5:
      return 'directory'
    case 6:
      return 'fifo'
    case 7:
      return 'contiguous-file'
    case 72:
      return 'pax-header'
    case 55:
      return 'pax-global-header'
    case 27:
      return 'gnu-long-link-path'
    case 28:
    case 30:
      return 'gnu-long-path'
  }

  return null
}

function toTypeflag (flag) {
  switch (flag) {
    case 'file':
      return 0
    case 'link':
      return 1
    case 'symlink':
      return 2
    case 'character-device':
      return 3
    case 'block-device':
      return 4
    case 'directory':
      return 5
    case 'fifo':
      return 6
    case 'contiguous-file':
      return 7
    case 'pax-header':
      return 72
  }

  return 0
}

function indexOf (block, num, offset, end) {
  for (; offset < end; offset++) {
    if (block[offset] === num) return offset
  }
  return end
}

function cksum (block) {
  let sum = 8 * 32
  for (let i = 0; i < 148; i++) sum += block[i]
  for (let j = 156; j < 512; j++) sum += block[j]
  return sum
}

function encodeOct (val, n) {
  val = val.toString(8)
  if (val.length > n) return SEVENS.slice(0, n) + ' '
  return ZEROS.slice(0, n - val.length) + val + ' '
}

function encodeSizeBin (num, buf, off) {
  buf[off] = num < 0 ? 0xff : 0x80
  for (let i = 11; i > 0; i--) {
    buf[off + i] = num & 0xff
    num = Math.floor(num / 0x100)
  }
}

function encodeSize (num, buf, off) {
  if (num < 0 || num.toString(8).length > 11) {
    encodeSizeBin(num, buf, off)
  } else {
    b4a.write(buf, encodeOct(num, 11), off)
  }
}

/* Copied from the node-tar repo and modified to meet
 * tar-stream coding standard.
 *
 * Source: https://github.com/npm/node-tar/blob/51b6627a1f357d2eb433e7378e5f05e83b7aa6cd/lib/header.js#L349
 */
function parse256 (buf) {
  // first byte MUST be either 80 or FF
  // 80 for positive, FF for 2's comp
  let positive
  if (buf[0] === 0x80) positive = true
  else if (buf[0] === 0xFF) positive = false
  else return null

  // build up a base-256 tuple from the least sig to the highest
  const tuple = []
  let i
  for (i = buf.length - 1; i > 0; i--) {
    const byte = buf[i]
    if (positive) tuple.push(byte)
    else tuple.push(0xFF - byte)
  }

  let sum = 0
  const l = tuple.length
  for (i = 0; i < l; i++) {
    sum += tuple[i] * Math.pow(256, i)
  }

  return positive ? sum : -(sum + 1)
}

function decodeOct (val, offset, length) {
  val = val.subarray(offset, offset + length)
  offset = 0

  // If prefixed with 0x80 then parse as a base-256 integer
  if (val[offset] & 0x80) {
    return parse256(val)
  } else {
    // Older versions of tar can prefix with spaces
    while (offset < val.length && val[offset] === 32) offset++
    const end = clamp(indexOf(val, 32, offset, val.length), val.length, val.length)
    while (offset < end && val[offset] === 0) offset++
    if (end === offset) return 0
    return parseInt(b4a.toString(val.subarray(offset, end)), 8)
  }
}

function decodeStr (val, offset, length, encoding) {
  return b4a.toString(val.subarray(offset, indexOf(val, 0, offset, offset + length)), encoding)
}

function addLength (str) {
  const len = b4a.byteLength(str)
  let digits = Math.floor(Math.log(len) / Math.log(10)) + 1
  if (len + digits >= Math.pow(10, digits)) digits++

  return (len + digits) + str
}


/***/ }),

/***/ 118:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

exports.extract = __nccwpck_require__(763)
/* unused reexport */ __nccwpck_require__(861)


/***/ }),

/***/ 861:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const { Readable, Writable, getStreamError } = __nccwpck_require__(204)
const b4a = __nccwpck_require__(57)

const constants = __nccwpck_require__(775)
const headers = __nccwpck_require__(428)

const DMODE = 0o755
const FMODE = 0o644

const END_OF_TAR = b4a.alloc(1024)

class Sink extends Writable {
  constructor (pack, header, callback) {
    super({ mapWritable, eagerOpen: true })

    this.written = 0
    this.header = header

    this._callback = callback
    this._linkname = null
    this._isLinkname = header.type === 'symlink' && !header.linkname
    this._isVoid = header.type !== 'file' && header.type !== 'contiguous-file'
    this._finished = false
    this._pack = pack
    this._openCallback = null

    if (this._pack._stream === null) this._pack._stream = this
    else this._pack._pending.push(this)
  }

  _open (cb) {
    this._openCallback = cb
    if (this._pack._stream === this) this._continueOpen()
  }

  _continuePack (err) {
    if (this._callback === null) return

    const callback = this._callback
    this._callback = null

    callback(err)
  }

  _continueOpen () {
    if (this._pack._stream === null) this._pack._stream = this

    const cb = this._openCallback
    this._openCallback = null
    if (cb === null) return

    if (this._pack.destroying) return cb(new Error('pack stream destroyed'))
    if (this._pack._finalized) return cb(new Error('pack stream is already finalized'))

    this._pack._stream = this

    if (!this._isLinkname) {
      this._pack._encode(this.header)
    }

    if (this._isVoid && !this._isLinkname) {
      this._finish()
      this._continuePack(null)
    }

    cb(null)
  }

  _write (data, cb) {
    if (this._isLinkname) {
      this._linkname = this._linkname ? b4a.concat([this._linkname, data]) : data
      return cb(null)
    }

    if (this._isVoid) {
      if (data.byteLength > 0) {
        return cb(new Error('No body allowed for this entry'))
      }
      return cb()
    }

    this.written += data.byteLength
    if (this._pack.push(data)) return cb()
    this._pack._drain = cb
  }

  _finish () {
    if (this._finished) return
    this._finished = true

    if (this._isLinkname) {
      this.header.linkname = this._linkname ? b4a.toString(this._linkname, 'utf-8') : ''
      this._pack._encode(this.header)
    }

    overflow(this._pack, this.header.size)

    this._pack._done(this)
  }

  _final (cb) {
    if (this.written !== this.header.size) { // corrupting tar
      return cb(new Error('Size mismatch'))
    }

    this._finish()
    cb(null)
  }

  _getError () {
    return getStreamError(this) || new Error('tar entry destroyed')
  }

  _predestroy () {
    this._pack.destroy(this._getError())
  }

  _destroy (cb) {
    this._pack._done(this)

    this._continuePack(this._finished ? null : this._getError())

    cb()
  }
}

class Pack extends Readable {
  constructor (opts) {
    super(opts)
    this._drain = noop
    this._finalized = false
    this._finalizing = false
    this._pending = []
    this._stream = null
  }

  entry (header, buffer, callback) {
    if (this._finalized || this.destroying) throw new Error('already finalized or destroyed')

    if (typeof buffer === 'function') {
      callback = buffer
      buffer = null
    }

    if (!callback) callback = noop

    if (!header.size || header.type === 'symlink') header.size = 0
    if (!header.type) header.type = modeToType(header.mode)
    if (!header.mode) header.mode = header.type === 'directory' ? DMODE : FMODE
    if (!header.uid) header.uid = 0
    if (!header.gid) header.gid = 0
    if (!header.mtime) header.mtime = new Date()

    if (typeof buffer === 'string') buffer = b4a.from(buffer)

    const sink = new Sink(this, header, callback)

    if (b4a.isBuffer(buffer)) {
      header.size = buffer.byteLength
      sink.write(buffer)
      sink.end()
      return sink
    }

    if (sink._isVoid) {
      return sink
    }

    return sink
  }

  finalize () {
    if (this._stream || this._pending.length > 0) {
      this._finalizing = true
      return
    }

    if (this._finalized) return
    this._finalized = true

    this.push(END_OF_TAR)
    this.push(null)
  }

  _done (stream) {
    if (stream !== this._stream) return

    this._stream = null

    if (this._finalizing) this.finalize()
    if (this._pending.length) this._pending.shift()._continueOpen()
  }

  _encode (header) {
    if (!header.pax) {
      const buf = headers.encode(header)
      if (buf) {
        this.push(buf)
        return
      }
    }
    this._encodePax(header)
  }

  _encodePax (header) {
    const paxHeader = headers.encodePax({
      name: header.name,
      linkname: header.linkname,
      pax: header.pax
    })

    const newHeader = {
      name: 'PaxHeader',
      mode: header.mode,
      uid: header.uid,
      gid: header.gid,
      size: paxHeader.byteLength,
      mtime: header.mtime,
      type: 'pax-header',
      linkname: header.linkname && 'PaxHeader',
      uname: header.uname,
      gname: header.gname,
      devmajor: header.devmajor,
      devminor: header.devminor
    }

    this.push(headers.encode(newHeader))
    this.push(paxHeader)
    overflow(this, paxHeader.byteLength)

    newHeader.size = header.size
    newHeader.type = header.type
    this.push(headers.encode(newHeader))
  }

  _doDrain () {
    const drain = this._drain
    this._drain = noop
    drain()
  }

  _predestroy () {
    const err = getStreamError(this)

    if (this._stream) this._stream.destroy(err)

    while (this._pending.length) {
      const stream = this._pending.shift()
      stream.destroy(err)
      stream._continueOpen()
    }

    this._doDrain()
  }

  _read (cb) {
    this._doDrain()
    cb()
  }
}

module.exports = function pack (opts) {
  return new Pack(opts)
}

function modeToType (mode) {
  switch (mode & constants.S_IFMT) {
    case constants.S_IFBLK: return 'block-device'
    case constants.S_IFCHR: return 'character-device'
    case constants.S_IFDIR: return 'directory'
    case constants.S_IFIFO: return 'fifo'
    case constants.S_IFLNK: return 'symlink'
  }

  return 'file'
}

function noop () {}

function overflow (self, size) {
  size &= 511
  if (size) self.push(END_OF_TAR.subarray(0, 512 - size))
}

function mapWritable (buf) {
  return b4a.isBuffer(buf) ? buf : b4a.from(buf)
}


/***/ }),

/***/ 934:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const PassThroughDecoder = __nccwpck_require__(256)
const UTF8Decoder = __nccwpck_require__(414)

module.exports = class TextDecoder {
  constructor(encoding = 'utf8') {
    this.encoding = normalizeEncoding(encoding)

    switch (this.encoding) {
      case 'utf8':
        this.decoder = new UTF8Decoder()
        break
      case 'utf16le':
      case 'base64':
        throw new Error('Unsupported encoding: ' + this.encoding)
      default:
        this.decoder = new PassThroughDecoder(this.encoding)
    }
  }

  get remaining() {
    return this.decoder.remaining
  }

  push(data) {
    if (typeof data === 'string') return data
    return this.decoder.decode(data)
  }

  // For Node.js compatibility
  write(data) {
    return this.push(data)
  }

  end(data) {
    let result = ''
    if (data) result = this.push(data)
    result += this.decoder.flush()
    return result
  }
}

function normalizeEncoding(encoding) {
  encoding = encoding.toLowerCase()

  switch (encoding) {
    case 'utf8':
    case 'utf-8':
      return 'utf8'
    case 'ucs2':
    case 'ucs-2':
    case 'utf16le':
    case 'utf-16le':
      return 'utf16le'
    case 'latin1':
    case 'binary':
      return 'latin1'
    case 'base64':
    case 'ascii':
    case 'hex':
      return encoding
    default:
      throw new Error('Unknown encoding: ' + encoding)
  }
}


/***/ }),

/***/ 256:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const b4a = __nccwpck_require__(57)

module.exports = class PassThroughDecoder {
  constructor(encoding) {
    this.encoding = encoding
  }

  get remaining() {
    return 0
  }

  decode(data) {
    return b4a.toString(data, this.encoding)
  }

  flush() {
    return ''
  }
}


/***/ }),

/***/ 414:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const b4a = __nccwpck_require__(57)

/**
 * https://encoding.spec.whatwg.org/#utf-8-decoder
 */
module.exports = class UTF8Decoder {
  constructor() {
    this._reset()
  }

  get remaining() {
    return this.bytesSeen
  }

  decode(data) {
    if (data.byteLength === 0) return ''

    if (this.bytesNeeded === 0 && trailingIncomplete(data, 0) === 0) {
      this.bytesSeen = trailingBytesSeen(data)
      return b4a.toString(data, 'utf8')
    }

    let result = ''
    let start = 0

    if (this.bytesNeeded > 0) {
      while (start < data.byteLength) {
        const byte = data[start]

        if (byte < this.lowerBoundary || byte > this.upperBoundary) {
          result += '\ufffd'
          this._reset()
          break
        }

        this.lowerBoundary = 0x80
        this.upperBoundary = 0xbf
        this.codePoint = (this.codePoint << 6) | (byte & 0x3f)
        this.bytesSeen++
        start++

        if (this.bytesSeen === this.bytesNeeded) {
          result += String.fromCodePoint(this.codePoint)
          this._reset()
          break
        }
      }

      if (this.bytesNeeded > 0) return result
    }

    const trailing = trailingIncomplete(data, start)
    const end = data.byteLength - trailing

    if (end > start) result += b4a.toString(data, 'utf8', start, end)

    for (let i = end; i < data.byteLength; i++) {
      const byte = data[i]

      if (this.bytesNeeded === 0) {
        if (byte <= 0x7f) {
          this.bytesSeen = 0
          result += String.fromCharCode(byte)
        } else if (byte >= 0xc2 && byte <= 0xdf) {
          this.bytesNeeded = 2
          this.bytesSeen = 1
          this.codePoint = byte & 0x1f
        } else if (byte >= 0xe0 && byte <= 0xef) {
          if (byte === 0xe0) this.lowerBoundary = 0xa0
          else if (byte === 0xed) this.upperBoundary = 0x9f
          this.bytesNeeded = 3
          this.bytesSeen = 1
          this.codePoint = byte & 0xf
        } else if (byte >= 0xf0 && byte <= 0xf4) {
          if (byte === 0xf0) this.lowerBoundary = 0x90
          else if (byte === 0xf4) this.upperBoundary = 0x8f
          this.bytesNeeded = 4
          this.bytesSeen = 1
          this.codePoint = byte & 0x7
        } else {
          this.bytesSeen = 1
          result += '\ufffd'
        }

        continue
      }

      if (byte < this.lowerBoundary || byte > this.upperBoundary) {
        result += '\ufffd'
        i--
        this._reset()

        continue
      }

      this.lowerBoundary = 0x80
      this.upperBoundary = 0xbf

      this.codePoint = (this.codePoint << 6) | (byte & 0x3f)
      this.bytesSeen++

      if (this.bytesSeen === this.bytesNeeded) {
        result += String.fromCodePoint(this.codePoint)
        this._reset()
      }
    }

    return result
  }

  flush() {
    const result = this.bytesNeeded > 0 ? '\ufffd' : ''
    this._reset()
    return result
  }

  _reset() {
    this.codePoint = 0
    this.bytesNeeded = 0
    this.bytesSeen = 0
    this.lowerBoundary = 0x80
    this.upperBoundary = 0xbf
  }
}

function trailingIncomplete(data, start) {
  const len = data.byteLength
  if (len <= start) return 0

  const limit = Math.max(start, len - 4)

  let i = len - 1
  while (i > limit && (data[i] & 0xc0) === 0x80) i--

  if (i < start) return 0

  const byte = data[i]

  let needed
  if (byte <= 0x7f) return 0
  if (byte >= 0xc2 && byte <= 0xdf) needed = 2
  else if (byte >= 0xe0 && byte <= 0xef) needed = 3
  else if (byte >= 0xf0 && byte <= 0xf4) needed = 4
  else return 0

  const available = len - i
  return available < needed ? available : 0
}

function trailingBytesSeen(data) {
  const len = data.byteLength
  if (len === 0) return 0

  const last = data[len - 1]

  if (last <= 0x7f) return 0
  if ((last & 0xc0) !== 0x80) return 1

  const limit = Math.max(0, len - 4)

  let i = len - 2
  while (i >= limit && (data[i] & 0xc0) === 0x80) i--

  if (i < 0) return 1

  const first = data[i]

  let needed
  if (first >= 0xc2 && first <= 0xdf) needed = 2
  else if (first >= 0xe0 && first <= 0xef) needed = 3
  else if (first >= 0xf0 && first <= 0xf4) needed = 4
  else return 1

  if (len - i !== needed) return 1

  if (needed >= 3) {
    const second = data[i + 1]
    if (first === 0xe0 && second < 0xa0) return 1
    if (first === 0xed && second > 0x9f) return 1
    if (first === 0xf0 && second < 0x90) return 1
    if (first === 0xf4 && second > 0x8f) return 1
  }

  return 0
}


/***/ }),

/***/ 434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:stream"
const external_node_stream_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");
;// CONCATENATED MODULE: external "node:worker_threads"
const external_node_worker_threads_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");
;// CONCATENATED MODULE: ./.build/src/core/errors.js
// The one error type of lighter: a stable code for programs, a message with context for people.
class errors_LighterError extends Error {
    name = 'LighterError';
    code;
    details;
    constructor(code, message, options = {}) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.code = code;
        this.details = options.details;
    }
}
/** An argument at an API boundary was wrong; thrown eagerly, before any work starts. */
class InvalidArgumentError extends errors_LighterError {
    name = 'InvalidArgumentError';
    constructor(message, options) {
        super('ERR_INVALID_ARGUMENT', message, options);
    }
}
function isLighterError(err, code) {
    return err instanceof errors_LighterError && (code === undefined || err.code === code);
}
/**
 * Adds context as a gerund prefix, keeping the code of a LighterError:
 * `withContext(err, 'pushing manifest to ghcr.io/o/r:1.2')` gives
 * "pushing manifest to ghcr.io/o/r:1.2: 401 UNAUTHORIZED ...".
 * Errors of other kinds become `fallback` (ERR_RUNTIME unless told).
 */
function withContext(err, context, fallback = 'ERR_RUNTIME') {
    const message = `${context}: ${errorMessage(err)}`;
    if (err instanceof errors_LighterError) {
        const wrapped = new errors_LighterError(err.code, message, { cause: err, details: err.details });
        return wrapped;
    }
    return new errors_LighterError(fallback, message, { cause: err });
}
/** Runs `fn`, adding `context` to whatever it throws. */
async function contextual(context, fn, fallback) {
    try {
        return await fn();
    }
    catch (err) {
        throw withContext(err, context, fallback);
    }
}
function errorMessage(err) {
    if (err instanceof Error)
        return err.message;
    return String(err);
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
;// CONCATENATED MODULE: ./.build/src/core/log.js
// The logging interface core code writes to; the CLI and the actions each supply one.
/** A logger that drops everything; the default for library callers that pass none. */
const log_silentLogger = {
    debug() { },
    info() { },
    warn() { },
    error() { },
    group: (_title, fn) => fn(),
    secret() { },
};
/** `logger` without its progress: info and group titles dropped; warnings and errors kept. */
function quietLogger(logger) {
    return { ...logger, info() { }, group: (_title, fn) => fn() };
}
/** Masks every registered secret in a message; shared by loggers that print text. */
class SecretMasker {
    #secrets = new Set();
    add(value) {
        // Very short values would mask ordinary words and give nothing away anyway.
        if (value.length >= 3)
            this.#secrets.add(value);
    }
    mask(message) {
        let out = message;
        for (const s of this.#secrets)
            out = out.split(s).join('***');
        return out;
    }
}
/** A plain-text logger for the CLI: info and above to stderr, debug when verbose. */
function consoleLogger(options = {}) {
    const masker = new SecretMasker();
    const write = options.write ?? ((line) => process.stderr.write(`${line}\n`));
    let indent = '';
    const emit = (prefix, message) => {
        for (const line of masker.mask(message).split('\n'))
            write(`${indent}${prefix}${line}`);
    };
    return {
        debug: (m) => {
            if (options.verbose)
                emit('debug: ', m);
        },
        info: (m) => emit('', m),
        warn: (m) => emit('warning: ', m),
        error: (m) => emit('error: ', m),
        async group(title, fn) {
            emit('', title);
            const outer = indent;
            indent = `${outer}  `;
            try {
                return await fn();
            }
            finally {
                indent = outer;
            }
        },
        secret: (v) => masker.add(v),
    };
}

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./.build/src/core/storage/blob-pool.js
// Worker threads that follow a blob's temp file as it is written, hashing and unpacking it beside the download instead of on its thread.




// Loads the worker module. From sources it first maps our `./x.js` specifiers onto `./x.ts`
// files, as scripts/ts-import.mjs does for the main thread: a worker starts without hooks.
const BOOTSTRAP = (/* unused pure expression or super */ null && (`
const { workerData } = require('node:worker_threads');
// As the CLI does for its main thread: later runs skip compiling the worker's modules.
require('node:module').enableCompileCache?.();
if (workerData.mapTs) {
  const { registerHooks } = require('node:module');
  const { existsSync } = require('node:fs');
  const { fileURLToPath } = require('node:url');
  registerHooks({
    resolve(specifier, context, next) {
      if ((specifier.startsWith('.') || specifier.startsWith('/')) && specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
        const ts = new URL(specifier.slice(0, -3) + '.ts', context.parentURL);
        if (existsSync(fileURLToPath(ts))) return next(ts.href, context);
      }
      return next(specifier, context);
    },
  });
}
import(workerData.module);
`));
class BlobWorker {
    #worker;
    sessions = new Map();
    broken = false;
    /** Its module loaded (a worker that cannot load it exits instead, and is broken). */
    ready = false;
    #settled;
    #settle;
    constructor(module) {
        // Loaded with the first worker: a command that pulls nothing need not load worker_threads.
        const { Worker } = process.getBuiltinModule('node:worker_threads');
        this.#worker = new Worker(BOOTSTRAP, {
            eval: true,
            workerData: { module, mapTs: module.endsWith('.ts') },
        });
        this.#settled = new Promise((resolve) => {
            this.#settle = resolve;
        });
        this.#worker.on('message', (m) => {
            if (m.op === 'ready') {
                this.ready = true;
                this.#settle();
                return;
            }
            const session = this.sessions.get(m.id);
            if (!session)
                return;
            if (m.op === 'read')
                session.read(m.hex, m.size);
            else if (m.op === 'unpacked')
                session.unpacked(m.diffId, m.error);
            else if (m.op === 'failed')
                session.failed(m.error);
            else {
                this.#close(m.id);
                session.closed();
            }
        });
        const fail = (err) => {
            this.broken = true;
            this.#settle();
            for (const [id, session] of this.sessions) {
                this.#close(id);
                session.failed({ message: `the blob worker failed: ${err.message}` });
                session.closed();
            }
        };
        this.#worker.on('error', fail);
        this.#worker.on('exit', (code) => fail(new Error(`it exited with code ${code}`)));
        // Idle, it must not keep the process alive (after the listeners: adding one refs it again).
        this.#worker.unref();
    }
    /** Resolves once the worker is ready or broken. */
    settled() {
        return this.#settled;
    }
    open(id, session, start) {
        this.sessions.set(id, session);
        this.#worker.ref();
        this.post(start);
    }
    post(message) {
        this.#worker.postMessage(message);
    }
    #close(id) {
        this.sessions.delete(id);
        if (this.sessions.size === 0)
            this.#worker.unref();
    }
}
let pool;
let nextId = 0;
/**
 * The worker module: beside this one when running from sources (or compiled JavaScript); from
 * a bundle (where it is not a file of its own), the sources of the checkout the bundle sits in,
 * when they are there. Undefined when there is none: then everything runs on the main thread.
 */
function workerModule() {
    const here = import.meta.url;
    const candidates = here.endsWith('.ts')
        ? [new URL('./blob-worker.ts', here)]
        : [new URL('./blob-worker.js', here), new URL('../../src/core/storage/blob-worker.ts', here)];
    const found = candidates.find((url) => url.protocol === 'file:' && (0,external_node_fs_namespaceObject.existsSync)((0,external_node_url_namespaceObject.fileURLToPath)(url)));
    return found?.href;
}
function workers() {
    if (pool)
        return pool;
    pool = [];
    if (process.env.LIGHTER_BLOB_WORKERS === '0')
        return pool;
    const module = workerModule();
    if (module === undefined)
        return pool;
    // One CPU stays with the main thread (the download, its verification, the file writes).
    const count = Number(process.env.LIGHTER_BLOB_WORKERS ?? 0) ||
        Math.max(1, Math.min(4, availableParallelism() - 1));
    try {
        for (let i = 0; i < count; i++)
            pool.push(new BlobWorker(module));
    }
    catch {
        pool = [];
    }
    return pool;
}
/**
 * Starts the workers (when not started yet) and waits, at most `waitMs`, until one can take
 * blobs. True when one can. Starting them when a pull begins lets their start-up overlap the
 * first downloads; a worker that is not ready in time simply leaves the work to this thread.
 */
async function blobWorkersReady(waitMs = 0) {
    const all = workers();
    if (all.some((w) => w.ready && !w.broken))
        return true;
    if (waitMs > 0 && all.some((w) => !w.broken)) {
        let timer;
        await Promise.race([
            Promise.race(all.map((w) => w.settled())),
            new Promise((resolve) => {
                timer = setTimeout(resolve, waitMs);
            }),
        ]);
        clearTimeout(timer);
    }
    return all.some((w) => w.ready && !w.broken);
}
/**
 * Has a worker follow a file as it is written (`grow`, then `end`): hashing it and/or
 * unpacking it as a layer. `file` is an open descriptor (which the caller keeps open until
 * `read` settles) or a path. Undefined when no worker can be had: the caller then does the
 * work on its own thread.
 */
function blob_pool_followBlob(file, options) {
    const live = workers().filter((w) => w.ready && !w.broken);
    if (live.length === 0)
        return undefined;
    const worker = live.reduce((a, b) => (b.sessions.size < a.sessions.size ? b : a));
    const id = ++nextId;
    const unpack = options.unpack;
    const read = deferred();
    const unpacked = unpack ? deferred() : undefined;
    const closed = deferred();
    let readDone = false;
    const toError = (e) => new LighterError(e.code ?? 'ERR_STORE', e.message);
    worker.open(id, {
        read(hex, size) {
            readDone = true;
            read.resolve({ ...(hex !== undefined ? { digest: `sha256:${hex}` } : {}), size });
        },
        unpacked(diffId, error) {
            if (error)
                unpacked?.reject(toError(error));
            else
                unpacked?.resolve(diffId);
        },
        failed(error) {
            const err = toError(error);
            if (!readDone)
                read.reject(err);
            unpacked?.reject(err);
        },
        closed() {
            const err = new LighterError('ERR_STORE', 'the blob worker stopped early');
            if (!readDone)
                read.reject(err);
            unpacked?.reject(err);
            closed.resolve();
        },
    }, {
        op: 'start',
        id,
        ...(typeof file === 'number' ? { fd: file } : { file }),
        hash: options.hash,
        ...(unpack ? { unpackDir: unpack.dir, compression: unpack.compression } : {}),
    });
    return {
        grow: (size) => worker.post({ op: 'grow', id, size }),
        end: (size) => worker.post({ op: 'end', id, size }),
        abort: () => {
            worker.post({ op: 'abort', id });
            return closed.promise;
        },
        read: read.promise,
        unpacked: unpacked?.promise,
    };
}
function deferred() {
    let resolve;
    let reject;
    const promise = new Promise((res, rej) => {
        resolve = res;
        reject = rej;
    });
    // Whoever needs the value awaits it; this only keeps an unawaited failure from crashing.
    promise.catch(() => { });
    return { promise, resolve, reject };
}

;// CONCATENATED MODULE: ./.build/src/core/storage/as-root.js
// Layer directories written, read and removed as root through `sudo -n`, when this process is
// not root but has password-less sudo (GitHub's runners, see DESIGN.md). Containers and RUN
// steps then run as root through sudo too, and a layer unpacked without root would lose its
// owners, device nodes and overlay whiteouts, while a RUN step's upper dir holds files only root
// may read or remove. Each such step runs in a helper process started through sudo: the blob
// worker module, run as a program (layer-helper.ts).








/**
 * The helper's stderr, a JSON value a line: warnings as they come, then what it made or why it
 * failed. JSON keeps a layer's own text (an entry name with a newline) from forging a line.
 */
const RESULT_PREFIX = 'lighter-result ';
const ERROR_PREFIX = 'lighter-error ';
const WARNING_PREFIX = 'lighter-warning ';
// `sudo -n true` answers at once; one that hangs (a broken PAM stack) is taken as no sudo.
const PROBE_TIMEOUT_MS = 10_000;
let probed;
/** Whether `layersAsRoot` can be true at all: Linux, and not root already (known at once). */
function mayHandleLayersAsRoot() {
    return process.platform === 'linux' && process.getuid !== undefined && process.getuid() !== 0;
}
/**
 * Whether layer dirs are handled as root through sudo: on Linux (where containers run; a macOS
 * runner's store only feeds copies), not root, and `sudo -n` works.
 */
function as_root_layersAsRoot() {
    probed ??= new Promise((resolve) => {
        if (!mayHandleLayersAsRoot()) {
            resolve(false);
            return;
        }
        const child = (0,external_node_child_process_namespaceObject.spawn)('sudo', ['-n', 'true'], { stdio: 'ignore', timeout: PROBE_TIMEOUT_MS });
        child.on('error', () => resolve(false));
        child.on('close', (code) => resolve(code === 0));
    });
    return probed;
}
/** Applies a layer tar (as `extractInto` does) into `dir` as root. */
async function applyAsRoot(input, dir, compression, logger = log_silentLogger) {
    let child;
    try {
        child = helper(['apply', dir, compression], 'pipe');
    }
    catch (error) {
        // Whoever writes the input must not wait for a reader that never comes.
        input.destroy(error);
        throw error;
    }
    let inputError;
    (0,external_node_stream_namespaceObject.pipeline)(input, child.stdin, (error) => {
        if (error && error.code !== 'EPIPE')
            inputError = error;
    });
    child.stdout?.resume();
    const what = `unpacking a layer into ${dir} as root`;
    try {
        const applied = await outcome(child, what, logger);
        if (inputError)
            throw inputError;
        return applied;
    }
    catch (error) {
        input.destroy();
        // What broke the input (a download cut short) is the cause, not the truncated tar it made.
        throw inputError ?? error;
    }
}
/** `diffLayer` of `dir` as root: the tar streams from the helper's stdout. */
function diffAsRoot(dir, options) {
    const { logger, ...rest } = options;
    const child = helper(['diff', dir, JSON.stringify(rest)], 'ignore');
    const done = outcome(child, `reading ${dir} as root`, logger ?? silentLogger);
    // The tar ends only once the helper said it is whole; a failure errors the stream too, so
    // nothing stores a layer cut short.
    const stream = new PassThrough();
    child.stdout?.pipe(stream, { end: false });
    done.then(() => stream.end(), (error) => stream.destroy(error));
    return { stream, done: done };
}
/** Removes empty mountpoint stubs the runtime made in an upper dir (`removeEmptyStubs`), as root. */
async function removeStubsAsRoot(upper, stubs) {
    if (stubs.length === 0)
        return;
    const child = helper(['unstub', upper, JSON.stringify(stubs)], 'ignore');
    child.stdout?.resume();
    await outcome(child, `removing mountpoint stubs from ${upper} as root`, silentLogger);
}
/**
 * chown: through sudo when this process may not (not root) and handles its layers as root, as
 * a RUN step's secret or cache mount for another user needs.
 */
async function chownTo(path, uid, gid) {
    try {
        await chown(path, uid, gid);
    }
    catch (err) {
        if (err.code !== 'EPERM' || !(await as_root_layersAsRoot()))
            throw err;
        await sudo(['chown', `${uid}:${gid}`, '--', path], `giving ${path} to ${uid}:${gid}`);
    }
}
/** `rm -rf` of a tree root made, through sudo. */
function as_root_removeAsRoot(path) {
    return sudo(['rm', '-rf', '--one-file-system', '--', path], `removing ${path} as root`);
}
async function sudo(argv, what) {
    const child = spawn('sudo', ['-n', '--', ...argv], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk) => {
        stderr += chunk.toString('utf8');
    });
    const code = await new Promise((resolve, reject) => {
        child.on('error', reject);
        child.on('close', resolve);
    });
    if (code !== 0) {
        throw new LighterError('ERR_STORE', `${what}: ${stderr.trim() || `exit ${code}`}`);
    }
}
function helper(args, stdin) {
    const module = workerModule();
    if (module === undefined) {
        throw new errors_LighterError('ERR_RUNTIME', 'layers are handled as root here, but blob-worker.js, which does it, is not beside this bundle');
    }
    const path = (0,external_node_url_namespaceObject.fileURLToPath)(module);
    // From sources, Node strips the types itself; the hook maps `./x.js` imports onto `./x.ts`.
    const loader = path.endsWith('.ts')
        ? ['--import', (0,external_node_url_namespaceObject.fileURLToPath)(new URL('../../../scripts/ts-import.mjs', module))]
        : [];
    return (0,external_node_child_process_namespaceObject.spawn)('sudo', ['-n', '--', process.execPath, ...loader, path, ...args], {
        stdio: [stdin, 'pipe', 'pipe'],
    });
}
/** The helper's result, its warnings passed to `logger`; rejects with its error and code. */
function outcome(child, what, logger) {
    let pending = '';
    let result;
    let failure;
    const other = [];
    const line = (text) => {
        if (text === '')
            return;
        try {
            if (text.startsWith(RESULT_PREFIX)) {
                result = JSON.parse(text.slice(RESULT_PREFIX.length));
            }
            else if (text.startsWith(ERROR_PREFIX)) {
                failure = JSON.parse(text.slice(ERROR_PREFIX.length));
            }
            else if (text.startsWith(WARNING_PREFIX)) {
                logger.warn(String(JSON.parse(text.slice(WARNING_PREFIX.length))));
            }
            else {
                // sudo's own complaints, or a helper that crashed.
                other.push(text);
                logger.warn(text);
            }
        }
        catch {
            other.push(text);
        }
    };
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk) => {
        pending += chunk;
        let newline = pending.indexOf('\n');
        while (newline >= 0) {
            line(pending.slice(0, newline));
            pending = pending.slice(newline + 1);
            newline = pending.indexOf('\n');
        }
    });
    return new Promise((resolve, reject) => {
        child.on('error', (error) => reject(new errors_LighterError('ERR_RUNTIME', `${what}: ${error.message}`, { cause: error })));
        child.on('close', (code) => {
            line(pending);
            if (code === 0 && result !== undefined) {
                resolve(result);
                return;
            }
            const message = failure?.message ?? (other.join('; ') || `the helper exited ${code}`);
            reject(new errors_LighterError(failure?.code ?? 'ERR_RUNTIME', `${what}: ${message}`));
        });
    });
}
/** The fs.Stats numbers a RootReader's `lstat` carries. */
const STAT_FIELDS = [
    'dev',
    'mode',
    'nlink',
    'uid',
    'gid',
    'rdev',
    'blksize',
    'ino',
    'size',
    'blocks',
    'atimeMs',
    'mtimeMs',
    'ctimeMs',
    'birthtimeMs',
];
const READ_CHUNK = (/* unused pure expression or super */ null && (1024 * 1024));
/**
 * Reads of layer dirs as root, for a process that handles its layers as root (a build's view
 * of an image: COPY into /root, COPY --from of files only root may read, opaque directories
 * marked with `trusted.` xattrs). One helper process (`serve`) answers every request in order;
 * it holds this process open only while a request is pending. Errors keep their errno code.
 */
class RootReader {
    #child;
    #next = 0;
    #pending = new Map();
    #buffered = '';
    async lstat(path) {
        const fields = (await this.#request({ op: 'lstat', path }));
        return Object.assign(Object.create(Stats.prototype), fields);
    }
    async readdir(path) {
        return (await this.#request({ op: 'readdir', path }));
    }
    async readlink(path) {
        return (await this.#request({ op: 'readlink', path }));
    }
    async readFile(path) {
        const chunks = [];
        for await (const chunk of this.stream(path))
            chunks.push(chunk);
        return Buffer.concat(chunks);
    }
    /** A file's bytes, a megabyte a request. */
    async *stream(path) {
        for (let offset = 0;;) {
            const data = (await this.#request({
                op: 'read',
                path,
                offset,
                length: READ_CHUNK,
            }));
            const chunk = Buffer.from(data, 'base64');
            if (chunk.length === 0)
                return;
            offset += chunk.length;
            yield chunk;
        }
    }
    /** The paths a layer dir marks opaque ('' for its root). */
    async opaque(layerDir) {
        return new Set((await this.#request({ op: 'opaque', path: layerDir })));
    }
    #request(request) {
        const child = this.#start();
        const id = this.#next++;
        return new Promise((resolve, reject) => {
            this.#pending.set(id, { resolve, reject });
            this.#hold(true);
            child.stdin?.write(`${JSON.stringify({ ...request, id })}\n`);
        });
    }
    #start() {
        if (this.#child)
            return this.#child;
        const child = helper(['serve'], 'pipe');
        this.#child = child;
        let stderr = '';
        child.stderr?.on('data', (chunk) => {
            stderr += chunk.toString('utf8');
        });
        // A helper that died fails its requests (below), not this process with a write error.
        child.stdin?.on('error', () => { });
        child.stdout?.setEncoding('utf8');
        child.stdout?.on('data', (text) => {
            this.#buffered += text;
            let newline = this.#buffered.indexOf('\n');
            while (newline >= 0) {
                this.#answer(this.#buffered.slice(0, newline));
                this.#buffered = this.#buffered.slice(newline + 1);
                newline = this.#buffered.indexOf('\n');
            }
        });
        const gone = (why) => {
            this.#child = undefined;
            const error = new LighterError('ERR_RUNTIME', `reading layers as root: ${why}`);
            for (const { reject } of this.#pending.values())
                reject(error);
            this.#pending.clear();
        };
        child.on('error', (error) => gone(error.message));
        child.on('close', (code) => gone(stderr.trim() || `the helper exited ${code}`));
        return child;
    }
    #answer(line) {
        const answer = JSON.parse(line);
        const pending = this.#pending.get(answer.id);
        if (!pending)
            return;
        this.#pending.delete(answer.id);
        if (this.#pending.size === 0)
            this.#hold(false);
        if (answer.error) {
            pending.reject(Object.assign(new Error(answer.error.message), { code: answer.error.code }));
        }
        else {
            pending.resolve(answer.value);
        }
    }
    /** Whether the helper (its process and pipes) keeps this process alive. */
    #hold(hold) {
        const child = this.#child;
        if (!child)
            return;
        for (const handle of [child, child.stdin, child.stdout, child.stderr]) {
            const h = handle;
            if (hold)
                h?.ref?.();
            else
                h?.unref?.();
        }
    }
}
let reader;
/** This process's RootReader (its helper starts on the first request). */
function rootReader() {
    reader ??= new RootReader();
    return reader;
}

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./.build/src/core/decompress.js
// The stream that decompresses a layer blob: one for the copy engine, the store and the layer
// applier alike.

// zlib's default 16 KiB output chunks cost a callback and a buffer each: for a big layer, more
// time than the inflating itself. Larger chunks cut that by an order of magnitude.
const CHUNK = 1024 * 1024;
/** It copies what it keeps of its input: a chunk written is free again once its callback ran. */
function decompressor(compression) {
    // Loaded on first use: most commands (a run, a warm copy) decompress nothing.
    const zlib = process.getBuiltinModule('node:zlib');
    switch (compression) {
        case 'gzip':
            return zlib.createGunzip({ chunkSize: CHUNK });
        case 'zstd':
            return zlib.createZstdDecompress({ chunkSize: CHUNK });
        case 'none':
            return new external_node_stream_namespaceObject.PassThrough();
    }
}

;// CONCATENATED MODULE: ./.build/src/core/digest.js
// Content digests (OCI image spec "digest"): parsing, hashing and stream verification.



const HEX_LENGTH = { sha256: 64, sha512: 128 };
/** Parses and validates a digest; throws ERR_BAD_DIGEST naming the bad part. */
function parseDigest(input) {
    const colon = input.indexOf(':');
    if (colon <= 0) {
        throw new errors_LighterError('ERR_BAD_DIGEST', `invalid digest "${input}": expected algorithm:hex`);
    }
    const algorithm = input.slice(0, colon);
    const hex = input.slice(colon + 1);
    if (algorithm !== 'sha256' && algorithm !== 'sha512') {
        throw new errors_LighterError('ERR_BAD_DIGEST', `invalid digest "${input}": unsupported algorithm "${algorithm}" (sha256 or sha512)`);
    }
    const want = HEX_LENGTH[algorithm];
    if (hex.length !== want || !/^[a-f0-9]+$/.test(hex)) {
        throw new errors_LighterError('ERR_BAD_DIGEST', `invalid digest "${input}": ${algorithm} needs ${want} lowercase hex characters`);
    }
    return { algorithm, hex };
}
/** Returns the input typed as a Digest after validating it. */
function validateDigest(input) {
    parseDigest(input);
    return input;
}
function isDigest(input) {
    try {
        parseDigest(input);
        return true;
    }
    catch {
        return false;
    }
}
function digest_digestOf(data, algorithm = 'sha256') {
    return `${algorithm}:${createHash(algorithm).update(data).digest('hex')}`;
}
/** The hex part, used as a file name under blobs/<algorithm>/. */
function digest_digestHex(digest) {
    return parseDigest(digest).hex;
}
function digestAlgorithm(digest) {
    return parseDigest(digest).algorithm;
}
/**
 * A pass-through stream that hashes and counts what flows through it.
 * After 'finish' (or the end of the pipeline) `digest` and `size` describe the bytes.
 */
class DigestingStream extends external_node_stream_namespaceObject.Transform {
    algorithm;
    #hash;
    #size = 0;
    #digest;
    constructor(algorithm = 'sha256') {
        super();
        this.algorithm = algorithm;
        this.#hash = (0,external_node_crypto_namespaceObject.createHash)(algorithm);
    }
    get size() {
        return this.#size;
    }
    /** The digest of everything written; only valid once the stream has ended. */
    get digest() {
        if (!this.#digest)
            throw new Error('DigestingStream: digest read before the stream ended');
        return this.#digest;
    }
    _transform(chunk, _enc, done) {
        this.#hash.update(chunk);
        this.#size += chunk.length;
        done(null, chunk);
    }
    _flush(done) {
        this.#digest = `${this.algorithm}:${this.#hash.digest('hex')}`;
        done();
    }
}
/**
 * A pass-through stream that fails unless the bytes have exactly the expected digest (and size).
 * It fails early when more bytes than expected arrive, and in flush otherwise, so a consumer
 * that awaits the pipeline never commits unverified content.
 */
class VerifyingStream extends external_node_stream_namespaceObject.Transform {
    expected;
    #hash;
    #size = 0;
    constructor(expected) {
        super();
        this.expected = expected;
        this.#hash = (0,external_node_crypto_namespaceObject.createHash)(parseDigest(expected.digest).algorithm);
    }
    get size() {
        return this.#size;
    }
    _transform(chunk, _enc, done) {
        this.#size += chunk.length;
        const want = this.expected.size;
        if (want !== undefined && want >= 0 && this.#size > want) {
            done(this.#sizeError());
            return;
        }
        this.#hash.update(chunk);
        done(null, chunk);
    }
    _flush(done) {
        const want = this.expected.size;
        if (want !== undefined && want >= 0 && this.#size !== want) {
            done(this.#sizeError());
            return;
        }
        const { algorithm } = parseDigest(this.expected.digest);
        const got = `${algorithm}:${this.#hash.digest('hex')}`;
        if (got !== this.expected.digest) {
            done(new errors_LighterError('ERR_DIGEST_MISMATCH', `${this.#what()}: digest mismatch: expected ${this.expected.digest}, got ${got}`, { details: { expected: this.expected.digest, actual: got } }));
            return;
        }
        done();
    }
    #what() {
        return this.expected.what ?? `content ${this.expected.digest}`;
    }
    #sizeError() {
        return new errors_LighterError('ERR_SIZE_MISMATCH', `${this.#what()}: size mismatch: expected ${this.expected.size} bytes, got ${this.#size}${this.#size > (this.expected.size ?? 0) ? ' or more' : ''}`, { details: { expected: this.expected.size, actual: this.#size } });
    }
}
/** Checks bytes already in memory (manifests, configs) against an expected digest and size. */
function verifyBytes(data, expected) {
    // Same wording and details as VerifyingStream, so callers need not care which one failed.
    const what = expected.what ?? `content ${expected.digest}`;
    const algorithm = parseDigest(expected.digest).algorithm;
    if (expected.size !== undefined && expected.size >= 0 && data.length !== expected.size) {
        throw new LighterError('ERR_SIZE_MISMATCH', `${what}: size mismatch: expected ${expected.size} bytes, got ${data.length}`, { details: { expected: expected.size, actual: data.length } });
    }
    const got = digest_digestOf(data, algorithm);
    if (got !== expected.digest) {
        throw new LighterError('ERR_DIGEST_MISMATCH', `${what}: digest mismatch: expected ${expected.digest}, got ${got}`, { details: { expected: expected.digest, actual: got } });
    }
}

;// CONCATENATED MODULE: ./.build/src/core/storage/layer/device-node.js
// Creates device nodes and FIFOs with mknod(1), many per process, since Node has no mknod(2).
//
// Whiteouts are 0/0 character devices, and a layer that deletes a directory's contents holds
// hundreds of them side by side, so nodes are queued and made by one shell per batch.


// Five arguments a node: path, mode, type letter, major, minor.
const SCRIPT = `while [ "$#" -gt 0 ]; do
  if [ "$3" = p ]; then mknod -m "$2" -- "$1" p || exit 1
  else mknod -m "$2" -- "$1" "$3" "$4" "$5" || exit 1; fi
  shift 5
done`;
const TYPE_LETTER = {
    'character-device': 'c',
    'block-device': 'b',
    fifo: 'p',
};
/** Makes every node in order; the first failure stops the batch and is thrown as ERR_STORE. */
async function makeNodes(nodes) {
    if (nodes.length === 0)
        return;
    const args = [];
    for (const n of nodes) {
        args.push(n.path, (n.mode & 0o7777).toString(8), TYPE_LETTER[n.kind], String(n.major), String(n.minor));
    }
    const { code, stderr } = await new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_namespaceObject.spawn)('/bin/sh', ['-c', SCRIPT, 'lighter-mknod', ...args], {
            stdio: ['ignore', 'ignore', 'pipe'],
        });
        const err = [];
        child.stderr.on('data', (chunk) => err.push(chunk));
        child.on('error', reject);
        child.on('close', (exit) => resolve({ code: exit ?? 1, stderr: Buffer.concat(err).toString('utf8') }));
    });
    if (code !== 0) {
        throw new errors_LighterError('ERR_STORE', `creating device nodes: ${stderr.trim() || `mknod exited ${code}`}`);
    }
}

;// CONCATENATED MODULE: ./.build/src/core/storage/layer/id-map.js
// Maps uids and gids between a layer (container ids) and the disk (host ids), as user namespaces do.

/** Container id → host id; identity without a map. Throws when the id has no mapping. */
function hostId(map, kind, id, entry) {
    if (!map)
        return id;
    const ranges = kind === 'uid' ? map.uids : map.gids;
    for (const r of ranges) {
        if (id >= r.containerId && id < r.containerId + r.size)
            return r.hostId + (id - r.containerId);
    }
    throw new errors_LighterError('ERR_UNSUPPORTED', `entry "${entry}": ${kind} ${id} has no mapping to a host ${kind}`, { details: { entry, [kind]: id } });
}
/** Host id → container id; identity without a map. Throws when the id has no mapping. */
function containerId(map, kind, id, path) {
    if (!map)
        return id;
    const ranges = kind === 'uid' ? map.uids : map.gids;
    for (const r of ranges) {
        if (id >= r.hostId && id < r.hostId + r.size)
            return r.containerId + (id - r.hostId);
    }
    throw new errors_LighterError('ERR_UNSUPPORTED', `"${path}": host ${kind} ${id} is outside the id map, so the layer cannot name its owner`, { details: { path, [kind]: id } });
}

;// CONCATENATED MODULE: ./.build/src/core/storage/layer/safe-root.js
// Resolves archive paths inside a layer directory without ever following a symlink.
//
// Every parent component is checked with lstat and must be a real directory: an archive that
// plants `a -> /etc` and then writes `a/passwd` is refused, not followed. Directories already
// checked are remembered until something under them is removed, so deep trees cost one lstat
// per new directory rather than one per component per entry.



/**
 * Splits an archive path into clean components: a leading `/` and `.` components are dropped
 * (Docker and containerd do the same), `a/../b` becomes `b`, and a path that climbs above the
 * root is refused, as Docker refuses it (containerd would clamp it at the root instead).
 */
function entryComponents(name, entry, what = 'path') {
    if (name.includes('\u0000'))
        throw unsafe(entry, `${what} contains a NUL byte`);
    const parts = [];
    for (const part of name.split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..') {
            if (parts.length === 0)
                throw unsafe(entry, `${what} "${name}" climbs out of the layer root`);
            parts.pop();
            continue;
        }
        parts.push(part);
    }
    return parts;
}
function unsafe(entry, reason) {
    return new errors_LighterError('ERR_UNSAFE_ARCHIVE', `entry "${entry}": ${reason}`, {
        details: { entry },
    });
}
function lstatOrUndefined(path) {
    try {
        return (0,external_node_fs_namespaceObject.lstatSync)(path);
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return undefined;
        throw err;
    }
}
class SafeRoot {
    root;
    /** Relative paths known to be real directories, reached through real directories. */
    #dirs = new Set();
    #onExisting;
    /** `onExisting` sees each directory that was already there, the first time it is passed. */
    constructor(root, onExisting) {
        this.root = root;
        this.#onExisting = onExisting;
    }
    abs(rel) {
        return rel === '' ? this.root : (0,external_node_path_namespaceObject.join)(this.root, rel);
    }
    /**
     * Makes sure every parent of `parts` is a real directory, creating missing ones
     * (`onCreate` gets each new one). Refuses a parent that is a symlink or not a directory.
     */
    ensureParents(parts, entry, onCreate) {
        let rel = '';
        for (let i = 0; i < parts.length - 1; i++) {
            rel = rel === '' ? parts[i] : `${rel}/${parts[i]}`;
            if (this.#dirs.has(rel))
                continue;
            const stats = lstatOrUndefined(this.abs(rel));
            if (stats === undefined) {
                (0,external_node_fs_namespaceObject.mkdirSync)(this.abs(rel), { mode: 0o755 });
                onCreate(rel);
            }
            else {
                this.#checkParent(stats, rel, entry);
                this.#onExisting?.(rel, stats);
            }
            this.#dirs.add(rel);
        }
    }
    /**
     * Checks that every parent of `parts` exists as a real directory without creating any.
     * Returns false when one is missing; throws when one is a symlink or not a directory.
     */
    parentsExist(parts, entry) {
        let rel = '';
        for (let i = 0; i < parts.length - 1; i++) {
            rel = rel === '' ? parts[i] : `${rel}/${parts[i]}`;
            if (this.#dirs.has(rel))
                continue;
            const stats = lstatOrUndefined(this.abs(rel));
            if (stats === undefined)
                return false;
            this.#checkParent(stats, rel, entry);
            this.#onExisting?.(rel, stats);
            this.#dirs.add(rel);
        }
        return true;
    }
    /** Like parentsExist, but answers false instead of throwing (for deferred work re-checking). */
    parentsIntact(parts) {
        try {
            return this.parentsExist(parts, '');
        }
        catch {
            return false;
        }
    }
    /** Records a directory this extraction made or checked itself. */
    rememberDir(rel) {
        this.#dirs.add(rel);
    }
    /** Removes whatever is at `rel` (recursively for a directory, never following symlinks). */
    remove(rel, stats) {
        const path = this.abs(rel);
        if (stats.isDirectory()) {
            (0,external_node_fs_namespaceObject.rmSync)(path, { recursive: true, force: true });
            this.#forget(rel);
        }
        else {
            (0,external_node_fs_namespaceObject.unlinkSync)(path);
        }
    }
    #forget(rel) {
        const prefix = `${rel}/`;
        for (const dir of this.#dirs) {
            if (dir === rel || dir.startsWith(prefix))
                this.#dirs.delete(dir);
        }
    }
    #checkParent(stats, rel, entry) {
        if (stats.isSymbolicLink()) {
            throw unsafe(entry, `parent "${rel}" is a symlink; writing through it could leave the layer`);
        }
        if (!stats.isDirectory())
            throw unsafe(entry, `parent "${rel}" is not a directory`);
    }
}

// EXTERNAL MODULE: ./node_modules/tar-stream/index.js
var tar_stream = __nccwpck_require__(118);
;// CONCATENATED MODULE: ./.build/src/core/storage/layer/tar-header.js
// Tar headers for the layers we write (ustar plus PAX records) and binary-safe PAX parsing.
//
// tar-stream's packer writes PAX values as UTF-8 text and knows only path and linkpath, so
// binary xattr values (security.capability) and uids beyond 2^21 could not be written with it;
// the format is small, so the writer side is done here, byte for byte deterministic.
const BLOCK_SIZE = 512;
const TYPEFLAG = {
    file: 0x30,
    link: 0x31,
    symlink: 0x32,
    'character-device': 0x33,
    'block-device': 0x34,
    directory: 0x35,
    fifo: 0x36,
};
const PAX_TYPEFLAG = 0x78; // 'x'
const MAX_OCTAL_8 = 0o7777777; // what fits an 8-byte field: 7 digits and a NUL
const MAX_OCTAL_12 = 0o77777777777;
/** The header blocks of one entry: an optional PAX header with its records, then ustar. */
function encodeHeader(header) {
    const name = header.type === 'directory' ? `${header.name}/` : header.name;
    const linkname = header.linkname ?? '';
    const records = [];
    const split = splitUstarName(name);
    if (!split)
        records.push(paxRecord('path', Buffer.from(name, 'utf8')));
    if (!fitsUstar(linkname, 100))
        records.push(paxRecord('linkpath', Buffer.from(linkname, 'utf8')));
    if (header.size > MAX_OCTAL_12)
        records.push(paxRecord('size', decimal(header.size)));
    if (header.uid > MAX_OCTAL_8)
        records.push(paxRecord('uid', decimal(header.uid)));
    if (header.gid > MAX_OCTAL_8)
        records.push(paxRecord('gid', decimal(header.gid)));
    const mtimeFits = header.mtime >= 0 && header.mtime <= MAX_OCTAL_12;
    if (!mtimeFits)
        records.push(paxRecord('mtime', decimal(header.mtime)));
    for (const [key, value] of header.xattrs ?? []) {
        records.push(paxRecord(`SCHILY.xattr.${key}`, value));
    }
    const ustar = ustarBlock({
        name: split?.name ?? asciiPlaceholder(name, 100),
        prefix: split?.prefix ?? '',
        mode: header.mode & 0o7777,
        uid: header.uid > MAX_OCTAL_8 ? 0 : header.uid,
        gid: header.gid > MAX_OCTAL_8 ? 0 : header.gid,
        size: header.size > MAX_OCTAL_12 ? 0 : header.size,
        mtime: mtimeFits ? header.mtime : 0,
        typeflag: TYPEFLAG[header.type],
        linkname: fitsUstar(linkname, 100) ? linkname : asciiPlaceholder(linkname, 100),
        devmajor: header.devmajor ?? 0,
        devminor: header.devminor ?? 0,
    });
    if (records.length === 0)
        return ustar;
    const body = Buffer.concat(records);
    const paxHeader = ustarBlock({
        // The directory/PaxHeaders.0/base convention of Go and GNU tar: readers that do not know
        // PAX extract a harmless file there instead of misreading the records.
        name: asciiPlaceholder(`PaxHeaders.0/${baseName(name)}`, 100),
        prefix: '',
        mode: 0o644,
        uid: 0,
        gid: 0,
        size: body.length,
        mtime: mtimeFits ? header.mtime : 0,
        typeflag: PAX_TYPEFLAG,
        linkname: '',
        devmajor: 0,
        devminor: 0,
    });
    return Buffer.concat([paxHeader, body, padding(body.length), ustar]);
}
/** Zero bytes that complete a member of `size` bytes to a whole block. */
function padding(size) {
    const rest = size % BLOCK_SIZE;
    return Buffer.alloc(rest === 0 ? 0 : BLOCK_SIZE - rest);
}
/** Two zero blocks end an archive. */
function endOfArchive() {
    return Buffer.alloc(2 * BLOCK_SIZE);
}
/**
 * Parses PAX extended header records, keeping values as bytes (keys are UTF-8 by the
 * standard; SCHILY.xattr values are raw). Parsing stops at the first malformed record.
 */
function parsePaxRecords(data) {
    const records = new Map();
    const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    let offset = 0;
    while (offset < buf.length) {
        const space = buf.indexOf(0x20, offset);
        if (space < 0)
            break;
        const length = Number.parseInt(buf.toString('ascii', offset, space), 10);
        if (!Number.isInteger(length) || length <= space - offset + 1 || offset + length > buf.length) {
            break;
        }
        const end = offset + length;
        if (buf[end - 1] !== 0x0a)
            break;
        const equals = buf.indexOf(0x3d, space + 1);
        if (equals < 0 || equals >= end)
            break;
        const key = buf.toString('utf8', space + 1, equals);
        records.set(key, Buffer.from(buf.subarray(equals + 1, end - 1)));
        offset = end;
    }
    return records;
}
function ustarBlock(f) {
    const block = Buffer.alloc(BLOCK_SIZE);
    block.write(f.name, 0, 100, 'utf8');
    writeOctal(block, 100, 8, f.mode);
    writeOctal(block, 108, 8, f.uid);
    writeOctal(block, 116, 8, f.gid);
    writeOctal(block, 124, 12, f.size);
    writeOctal(block, 136, 12, f.mtime);
    block.fill(0x20, 148, 156); // checksum counts as spaces while it is computed
    block[156] = f.typeflag;
    block.write(f.linkname, 157, 100, 'utf8');
    block.write('ustar\u000000', 257, 8, 'latin1');
    writeNumeric(block, 329, 8, f.devmajor);
    writeNumeric(block, 337, 8, f.devminor);
    block.write(f.prefix, 345, 155, 'utf8');
    let sum = 0;
    for (const byte of block)
        sum += byte;
    // Six digits, NUL, space: the historical layout every reader accepts.
    block.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 8, 'latin1');
    return block;
}
function writeOctal(block, offset, width, value) {
    block.write(value.toString(8).padStart(width - 1, '0'), offset, width - 1, 'ascii');
}
/** Octal when it fits, else GNU base-256 (device numbers have no PAX keyword). */
function writeNumeric(block, offset, width, value) {
    if (value <= MAX_OCTAL_8) {
        writeOctal(block, offset, width, value);
        return;
    }
    let rest = value;
    for (let i = width - 1; i > 0; i--) {
        block[offset + i] = rest % 256;
        rest = Math.floor(rest / 256);
    }
    block[offset] = 0x80;
}
function paxRecord(key, value) {
    const tail = Buffer.concat([Buffer.from(` ${key}=`, 'utf8'), value, Buffer.from('\n')]);
    // The length prefix counts its own digits.
    let length = tail.length + 1;
    while (String(length).length + tail.length !== length)
        length = String(length).length + tail.length;
    return Buffer.concat([Buffer.from(String(length), 'ascii'), tail]);
}
function decimal(value) {
    return Buffer.from(String(Math.trunc(value)), 'ascii');
}
function isAscii(text) {
    return /^[\u0001-\u007f]*$/.test(text);
}
function fitsUstar(text, width) {
    return isAscii(text) && text.length <= width;
}
/** Splits a long ASCII name into ustar prefix (≤155) and name (≤100) at a slash, if possible. */
function splitUstarName(name) {
    if (!isAscii(name))
        return undefined;
    if (name.length <= 100)
        return { prefix: '', name };
    if (name.length > 256)
        return undefined;
    // The earliest slash that leaves at most 100 bytes for the name part.
    for (let i = name.indexOf('/'); i >= 0; i = name.indexOf('/', i + 1)) {
        if (i > 155)
            return undefined;
        const rest = name.slice(i + 1);
        if (rest.length <= 100 && rest.length > 0 && i > 0) {
            return { prefix: name.slice(0, i), name: rest };
        }
    }
    return undefined;
}
function baseName(name) {
    const trimmed = name.endsWith('/') ? name.slice(0, -1) : name;
    return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}
/** What goes in a ustar field that a PAX record overrides: printable ASCII, truncated. */
function asciiPlaceholder(text, width) {
    return text.replace(/[^\u0020-\u007e]/g, '_').slice(0, width);
}

;// CONCATENATED MODULE: ./.build/src/core/storage/layer/tar-entry.js
// Reads a layer tar as a sequence of entries with PAX records kept as bytes, over tar-stream.
//
// tar-stream decodes PAX values as UTF-8 text (losing binary xattr values such as
// security.capability) and applies only path, linkpath and size. A small subclass of its
// extractor keeps each entry's raw records; uid, gid, mtime and xattrs are read from them here.
// The binary-xattr test in apply.test.ts fails loudly if tar-stream's internals move.



let rawPaxExtract;
function rawPaxExtractClass() {
    if (rawPaxExtract)
        return rawPaxExtract;
    const probe = (0,tar_stream.extract)();
    const Base = probe.constructor;
    probe.destroy();
    const proto = Base.prototype;
    if (typeof proto._decodeLongHeader !== 'function' ||
        typeof proto._applyLongHeaders !== 'function') {
        throw new errors_LighterError('ERR_UNSUPPORTED', 'reading layer tars: this tar-stream version has no _decodeLongHeader/_applyLongHeaders to hook');
    }
    rawPaxExtract = class RawPaxExtract extends Base {
        #pax;
        #globalPax;
        _decodeLongHeader(buf) {
            const type = this._header?.type;
            if (type === 'pax-header')
                this.#pax = parsePaxRecords(buf);
            else if (type === 'pax-global-header')
                this.#globalPax = parsePaxRecords(buf);
            super._decodeLongHeader(buf);
        }
        _applyLongHeaders() {
            super._applyLongHeaders();
            const merged = new Map(this.#globalPax ?? []);
            for (const [key, value] of this.#pax ?? [])
                merged.set(key, value);
            this.#pax = undefined;
            if (this._header)
                this._header.rawPax = merged;
        }
    };
    return rawPaxExtract;
}
/**
 * Yields the entries of an uncompressed tar stream in order. The source is read to its very
 * end (past the end-of-archive blocks), so a digest taken upstream covers every byte.
 * Returning early (or throwing from the loop body) destroys the source.
 */
async function* readTarEntries(source) {
    const extract = new (rawPaxExtractClass())();
    const feeding = feed(source, extract);
    feeding.catch((err) => extract.destroy(err));
    let complete = false;
    try {
        for await (const stream of extract) {
            let consumed = false;
            const data = (async function* () {
                for await (const chunk of stream)
                    yield chunk;
                consumed = true;
            })();
            yield toEntry(stream.header, data);
            if (!consumed)
                for await (const _ of data)
                    ;
        }
        await feeding;
        complete = true;
    }
    finally {
        if (!complete) {
            source.destroy();
            extract.destroy();
            await feeding.catch(() => { });
        }
    }
}
async function feed(source, extract) {
    for await (const chunk of source) {
        if (!extract.write(chunk))
            await drained(extract);
    }
    extract.end(undefined);
}
function drained(extract) {
    const x = extract;
    if (x.destroying || x.destroyed)
        return Promise.reject(new Error('tar reader stopped'));
    return new Promise((resolve, reject) => {
        const done = (err) => {
            extract.off('drain', onDrain);
            extract.off('close', onClose);
            if (err)
                reject(err);
            else
                resolve();
        };
        const onDrain = () => done();
        const onClose = () => done(new Error('tar reader stopped'));
        extract.on('drain', onDrain);
        extract.on('close', onClose);
    });
}
function toEntry(header, data) {
    const pax = header.rawPax ?? new Map();
    const xattrs = [];
    for (const [key, value] of pax) {
        if (key.startsWith('SCHILY.xattr.')) {
            xattrs.push([key.slice('SCHILY.xattr.'.length), value]);
        }
        else if (key.startsWith('LIBARCHIVE.xattr.')) {
            // bsdtar: URL-encoded name, base64 value.
            const name = decodeURIComponent(key.slice('LIBARCHIVE.xattr.'.length));
            if (!xattrs.some(([n]) => n === name)) {
                xattrs.push([name, Buffer.from(value.toString('latin1'), 'base64')]);
            }
        }
    }
    return {
        name: header.name,
        type: header.type ?? 'unsupported',
        mode: header.mode & 0o7777,
        uid: paxNumber(pax, 'uid') ?? header.uid,
        gid: paxNumber(pax, 'gid') ?? header.gid,
        mtime: paxNumber(pax, 'mtime') ?? header.mtime.getTime() / 1000,
        size: header.size,
        linkname: header.linkname ?? '',
        devmajor: header.devmajor ?? 0,
        devminor: header.devminor ?? 0,
        xattrs,
        data,
    };
}
function paxNumber(pax, key) {
    const value = pax.get(key);
    if (value === undefined)
        return undefined;
    const n = Number(value.toString('ascii'));
    return Number.isFinite(n) ? n : undefined;
}

;// CONCATENATED MODULE: ./.build/src/core/storage/layer/whiteout.js
// OCI whiteout names (`.wh.NAME`, `.wh..wh..opq`) and their overlayfs equivalents.

const WHITEOUT_PREFIX = '.wh.';
const OPAQUE_WHITEOUT = '.wh..wh..opq';
/** AUFS kept its own bookkeeping under `.wh..wh.` names (plnk, aufs); such entries mean nothing here. */
const WHITEOUT_META_PREFIX = '.wh..wh.';
function opaqueXattr(namespace) {
    return `${namespace}.overlay.opaque`;
}
/** Both namespaces' opaque xattrs (`value "y"`), as a reader of any layer dir checks them. */
const OPAQUE_XATTRS = new Set([
    opaqueXattr('trusted'),
    opaqueXattr('user'),
]);
/** Xattrs overlayfs keeps for itself; they never travel in a layer tar in either direction. */
function isOverlayXattr(name) {
    return name.startsWith('trusted.overlay.') || name.startsWith('user.overlay.');
}
/**
 * Classifies the last component of an entry path; undefined for ordinary names.
 * A whiteout whose target is empty, `.` or `..` would delete the directory itself or its
 * parent, so it is refused.
 */
function parseWhiteoutName(base, entryName) {
    if (!base.startsWith(WHITEOUT_PREFIX))
        return undefined;
    if (base === OPAQUE_WHITEOUT)
        return { kind: 'opaque' };
    if (base.startsWith(WHITEOUT_META_PREFIX))
        return { kind: 'meta' };
    const target = base.slice(WHITEOUT_PREFIX.length);
    if (target === '' || target === '.' || target === '..') {
        throw new errors_LighterError('ERR_UNSAFE_ARCHIVE', `entry "${entryName}": whiteout names no file ("${base}")`, { details: { entry: entryName } });
    }
    return { kind: 'whiteout', target };
}
/** overlayfs records a deleted path as a character device with device number 0/0. */
function isOverlayWhiteout(stats) {
    return stats.isCharacterDevice() && stats.rdev === 0;
}

;// CONCATENATED MODULE: ./.build/src/core/storage/layer/xattr.js
// Extended attributes through setfattr/getfattr (Debian package `attr`), in one process per batch.
//
// Node has no xattr API and lighter takes no native addon. One `setfattr --restore` reads many
// files' attributes from stdin and one `getfattr -R` dumps a whole tree, so the cost is a
// process per layer, not per file. The caller checks paths before handing them over: both
// tools resolve parent directories through symlinks.



const availability = new Map();
/** Whether an executable is on PATH (cached; the PATH of a CI job does not change under us). */
function hasCommand(command) {
    let found = availability.get(command);
    if (found === undefined) {
        found = (process.env.PATH ?? '').split(external_node_path_namespaceObject.delimiter).some((dir) => {
            if (!dir)
                return false;
            try {
                (0,external_node_fs_namespaceObject.accessSync)((0,external_node_path_namespaceObject.join)(dir, command), external_node_fs_namespaceObject.constants.X_OK);
                return true;
            }
            catch {
                return false;
            }
        });
        availability.set(command, found);
    }
    return found;
}
const ATTR_TOOLS_HINT = 'setfattr and getfattr (Debian/Ubuntu package "attr")';
/**
 * Sets attributes without following a symlink in the last component (`-h`).
 * Resolves with setfattr's complaints, one per failed file or attribute; [] when all were set.
 */
async function setXattrs(cwd, jobs) {
    if (jobs.length === 0)
        return [];
    const lines = [];
    for (const job of jobs) {
        lines.push(`# file: ${quote(Buffer.from(job.path, 'utf8'), '')}`);
        for (const [name, value] of job.attrs) {
            // setfattr reads "0x" as a malformed value, so an empty one is written as text.
            const encoded = value.length === 0 ? '""' : `0x${value.toString('hex')}`;
            lines.push(`${quote(Buffer.from(name, 'utf8'), '=')}=${encoded}`);
        }
        lines.push('');
    }
    const { code, stderr } = await run('setfattr', ['-h', '--restore=-'], cwd, `${lines.join('\n')}\n`);
    if (code === 0)
        return [];
    const complaints = stderr.split('\n').filter((l) => l.trim() !== '');
    return complaints.length > 0 ? complaints : [`setfattr exited ${code}`];
}
/** Reads every attribute of every file under `root` in one walk that follows no symlink. */
async function readXattrTree(root) {
    const byPath = new Map();
    const child = (0,external_node_child_process_namespaceObject.spawn)('getfattr', ['-R', '-P', '-h', '-d', '-m', '-', '-e', 'hex', '.'], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stderr = [];
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    const exited = new Promise((resolve, reject) => {
        child.on('error', reject);
        child.on('close', (code) => resolve(code ?? 1));
    });
    // latin1 keeps every byte of a file name as one character until unquote turns it to UTF-8.
    child.stdout.setEncoding('latin1');
    let current;
    // readline only when a layer has xattrs to read (the store's module is on every run's path).
    const { createInterface } = process.getBuiltinModule('node:readline');
    for await (const line of createInterface({ input: child.stdout, crlfDelay: Infinity })) {
        if (line.startsWith('# file: ')) {
            let path = unquote(line.slice('# file: '.length));
            if (path === '.')
                path = '';
            else if (path.startsWith('./'))
                path = path.slice(2);
            current = [];
            byPath.set(path, current);
            continue;
        }
        const equals = line.indexOf('=');
        if (!current || equals <= 0)
            continue;
        current.push([unquote(line.slice(0, equals)), decodeValue(line.slice(equals + 1))]);
    }
    const code = await exited;
    for (const attrs of byPath.values())
        attrs.sort(([a], [b]) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    const errors = code === 0
        ? []
        : Buffer.concat(stderr)
            .toString('utf8')
            .split('\n')
            .filter((l) => l.trim() !== '');
    return { byPath, errors };
}
/** The attr tools' escaping: listed characters, backslash and anything unprintable as \ooo. */
function quote(bytes, extra) {
    let out = '';
    for (const byte of bytes) {
        const char = String.fromCharCode(byte);
        if (byte <= 0x20 || byte >= 0x7f || char === '\\' || extra.includes(char)) {
            out += `\\${byte.toString(8).padStart(3, '0')}`;
        }
        else {
            out += char;
        }
    }
    return out;
}
function unquote(latin1) {
    const raw = latin1.replace(/\\([0-7]{3})/g, (_, octal) => String.fromCharCode(Number.parseInt(octal, 8)));
    return Buffer.from(raw, 'latin1').toString('utf8');
}
function decodeValue(text) {
    if (text.startsWith('0x'))
        return Buffer.from(text.slice(2), 'hex');
    if (text.startsWith('0s'))
        return Buffer.from(text.slice(2), 'base64');
    if (text.startsWith('"') && text.endsWith('"') && text.length >= 2) {
        return Buffer.from(unquote(text.slice(1, -1)), 'utf8');
    }
    return Buffer.from(text, 'latin1');
}
function run(command, args, cwd, input) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_namespaceObject.spawn)(command, args, { cwd, stdio: ['pipe', 'ignore', 'pipe'] });
        const err = [];
        child.stderr.on('data', (chunk) => err.push(chunk));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code: code ?? 1, stderr: Buffer.concat(err).toString('utf8') }));
        child.stdin.on('error', () => { }); // an early exit closes stdin; 'close' reports the failure
        child.stdin.end(input, 'latin1');
    });
}

;// CONCATENATED MODULE: ./.build/src/core/storage/layer/apply.js
// Applies a layer tar to a directory: streaming, refusing entries that would write outside it,
// and turning OCI whiteouts into overlayfs whiteouts or into deletions.
//
// Filesystem calls are synchronous on purpose: a layer is thousands of tiny metadata calls,
// and a thread-pool round trip for each costs more than the call. File data still streams
// chunk by chunk, so memory stays flat whatever the layer's size.
//
// On failure the target holds a partial extraction: callers extract into a fresh directory
// and rename it into place only after success.













/**
 * Extracts a layer tar into `targetDir` (which must exist) and returns its diff ID.
 *
 * Safety: a leading `/` is stripped and `..` is resolved lexically, refusing paths that climb
 * above the root; no parent component may be a symlink (refused, never followed); hardlink
 * targets must already be inside the layer, reached through real directories. Refusals are
 * ERR_UNSAFE_ARCHIVE naming the entry. Symlinks themselves may point anywhere: they are
 * only ever created, never followed while writing.
 *
 * Tar semantics: an entry replaces whatever is at its path, except that a directory over a
 * directory keeps the contents and takes the new attributes. Owners (when root), modes with
 * setuid/setgid/sticky, mtimes and xattrs (PAX `SCHILY.xattr.*`) are kept; directory
 * attributes are set at the end, deepest first, so writing children does not undo them.
 * FIFOs are made also without root, as Docker does; char/block devices only as root.
 */
async function applyLayer(input, targetDir, options) {
    if (options.whiteouts !== 'overlay' && options.whiteouts !== 'apply') {
        throw new InvalidArgumentError(`whiteouts must be 'overlay' or 'apply', not ${String(options.whiteouts)}`);
    }
    const compression = options.compression ?? 'auto';
    if (!['gzip', 'zstd', 'none', 'auto'].includes(compression)) {
        throw new InvalidArgumentError(`compression must be gzip, zstd, none or auto, not ${String(compression)}`);
    }
    const root = (0,external_node_path_namespaceObject.resolve)(targetDir);
    if (!lstatOrUndefined(root)?.isDirectory()) {
        throw new InvalidArgumentError(`applying layer: target ${root} is not a directory`);
    }
    const applier = new LayerApplier(root, options);
    const counter = new ByteCounter();
    const digester = new DigestingStream();
    try {
        let source = input;
        let chosen = compression;
        if (compression === 'auto')
            ({ compression: chosen, source } = await sniffCompression(input));
        // Errors anywhere in the chain destroy the digester, and so surface in the entry loop.
        const tar = (0,external_node_stream_namespaceObject.pipeline)(source, counter, decompressor(chosen), digester, () => { });
        for await (const entry of readTarEntries(tar))
            await applier.entry(entry);
        await applier.finish();
    }
    catch (err) {
        input.destroy();
        throw withContext(err, `applying layer to ${root}`, fallbackCode(err));
    }
    return {
        diffId: digester.digest,
        size: digester.size,
        compressedSize: counter.size,
        entries: applier.entries,
        skipped: applier.skipped,
    };
}
const NODE_BATCH = 256;
const XATTR_BATCH = 1024;
const WRITE_FLAGS = external_node_fs_namespaceObject.constants.O_WRONLY | external_node_fs_namespaceObject.constants.O_CREAT | external_node_fs_namespaceObject.constants.O_EXCL | external_node_fs_namespaceObject.constants.O_NOFOLLOW;
class LayerApplier {
    entries = 0;
    skipped = { devices: 0, xattrs: 0, other: 0 };
    #root;
    #mode;
    #isRoot;
    #idMap;
    #opaqueXattr;
    #logger;
    /** Paths this layer wrote (with their parents), for 'apply': whiteouts spare them. */
    #layerPaths;
    #dirAttributes = new Map();
    #pendingNodes = [];
    #pendingPaths = new Set();
    #xattrJobs = [];
    #lowerDirs;
    constructor(root, options) {
        this.#mode = options.whiteouts;
        // 'apply': a directory the archive does not list keeps its attributes, though entries
        // written or deleted inside it change its mtime; 'overlay' does the same with lowerDirs.
        this.#root = new SafeRoot(root, (rel, stats) => {
            if (this.#mode === 'apply' && !this.#dirAttributes.has(rel)) {
                this.#dirAttributes.set(rel, {
                    parts: rel.split('/'),
                    ino: stats.ino,
                    mode: stats.mode & 0o7777,
                    uid: stats.uid,
                    gid: stats.gid,
                    mtime: stats.mtimeMs / 1000,
                });
            }
        });
        this.#isRoot = options.isRoot ?? process.getuid?.() === 0;
        this.#idMap = options.idMap;
        this.#opaqueXattr = opaqueXattr(options.overlayXattrs ?? (this.#isRoot ? 'trusted' : 'user'));
        this.#logger = options.logger ?? log_silentLogger;
        this.#layerPaths = this.#mode === 'apply' ? new Set() : undefined;
        this.#lowerDirs = (options.lowerDirs ?? []).map((d) => (0,external_node_path_namespaceObject.resolve)(d));
    }
    async entry(e) {
        this.entries++;
        const parts = entryComponents(e.name, e.name);
        const base = parts.at(-1);
        const whiteout = base === undefined ? undefined : parseWhiteoutName(base, e.name);
        if (parts.slice(0, -1).some((p) => p.startsWith(WHITEOUT_META_PREFIX))) {
            // Inside AUFS bookkeeping directories (.wh..wh.plnk/...): never image content.
            this.skipped.other++;
            return;
        }
        // A queued node is made later, so anything else that might look at or under its path
        // has to wait for the batch; runs of whiteouts in one directory go in one batch.
        const nodePath = this.#nodePath(parts, e, whiteout);
        if (this.#pendingNodes.length > 0 &&
            (nodePath === undefined || this.#conflictsWithPending(nodePath))) {
            await this.#flushNodes();
        }
        if (e.type === 'directory' && e.size > 0) {
            // tar-stream reads a directory's data as the next headers, GNU tar skips it: an archive
            // that shows different files to different readers is refused.
            throw unsafe(e.name, `directory entry carries ${e.size} bytes of data`);
        }
        if (whiteout) {
            this.#whiteout(parts, whiteout, e);
        }
        else if (parts.length === 0) {
            if (e.type !== 'directory')
                throw unsafe(e.name, `a ${e.type} cannot replace the layer root`);
            this.#directory(parts, '', e);
        }
        else {
            const rel = parts.join('/');
            switch (e.type) {
                case 'directory':
                    this.#directory(parts, rel, e);
                    break;
                case 'file':
                case 'contiguous-file':
                    await this.#file(parts, rel, e);
                    break;
                case 'symlink':
                    this.#symlink(parts, rel, e);
                    break;
                case 'link':
                    this.#hardlink(parts, rel, e);
                    break;
                case 'character-device':
                case 'block-device':
                case 'fifo':
                    this.#node(parts, rel, e);
                    break;
                default:
                    throw new errors_LighterError('ERR_UNSUPPORTED', `entry "${e.name}": unsupported tar entry type (sparse and multi-volume members are not layer content)`, { details: { entry: e.name } });
            }
        }
        if (this.#pendingNodes.length >= NODE_BATCH)
            await this.#flushNodes();
        if (this.#xattrJobs.length >= XATTR_BATCH)
            await this.#flushXattrs();
    }
    async finish() {
        await this.#flushNodes();
        await this.#flushXattrs();
        this.#applyDirAttributes();
        if (this.skipped.devices > 0) {
            this.#logger.warn(`skipped ${this.skipped.devices} device node(s): creating devices needs root`);
        }
    }
    // ---- entry kinds
    #directory(parts, rel, e) {
        let stats = parts.length === 0 ? (0,external_node_fs_namespaceObject.lstatSync)(this.#root.root) : undefined;
        if (parts.length > 0) {
            this.#ensureParents(parts, e.name);
            const replacesWhiteout = this.#mode === 'overlay' && this.#isWhiteoutAt(rel);
            stats = this.#clear(rel, true);
            if (!stats) {
                // Owner-only until the attributes are set at the end.
                (0,external_node_fs_namespaceObject.mkdirSync)(this.#root.abs(rel), { mode: 0o700 });
                stats = (0,external_node_fs_namespaceObject.lstatSync)(this.#root.abs(rel));
            }
            this.#root.rememberDir(rel);
            // `.wh.d` then `d/` in one layer: the lower d is gone, so the new one must not merge with it.
            if (replacesWhiteout)
                this.#queueOpaque(rel, parts, stats.ino);
        }
        const owner = this.#owner(e);
        this.#dirAttributes.set(rel, {
            parts,
            ino: stats.ino,
            mode: e.mode,
            uid: owner.uid,
            gid: owner.gid,
            mtime: e.mtime,
        });
        this.#queueXattrs(rel, parts, stats.ino, e.name, e.xattrs);
        this.#touch(parts);
    }
    async #file(parts, rel, e) {
        this.#ensureParents(parts, e.name);
        this.#clear(rel, false);
        const owner = this.#owner(e);
        const fd = (0,external_node_fs_namespaceObject.openSync)(this.#root.abs(rel), WRITE_FLAGS, 0o600);
        let ino;
        try {
            for await (const chunk of e.data)
                writeAll(fd, chunk);
            if (this.#isRoot)
                (0,external_node_fs_namespaceObject.fchownSync)(fd, owner.uid, owner.gid);
            // After chown, which clears setuid and setgid.
            (0,external_node_fs_namespaceObject.fchmodSync)(fd, e.mode);
            (0,external_node_fs_namespaceObject.futimesSync)(fd, e.mtime, e.mtime);
            ino = (0,external_node_fs_namespaceObject.fstatSync)(fd).ino;
        }
        finally {
            (0,external_node_fs_namespaceObject.closeSync)(fd);
        }
        this.#queueXattrs(rel, parts, ino, e.name, e.xattrs);
        this.#touch(parts);
    }
    #symlink(parts, rel, e) {
        if (e.linkname === '')
            throw unsafe(e.name, 'symlink has no target');
        this.#ensureParents(parts, e.name);
        this.#clear(rel, false);
        const path = this.#root.abs(rel);
        (0,external_node_fs_namespaceObject.symlinkSync)(e.linkname, path);
        if (this.#isRoot) {
            const owner = this.#owner(e);
            (0,external_node_fs_namespaceObject.lchownSync)(path, owner.uid, owner.gid);
        }
        (0,external_node_fs_namespaceObject.lutimesSync)(path, e.mtime, e.mtime);
        this.#queueXattrs(rel, parts, (0,external_node_fs_namespaceObject.lstatSync)(path).ino, e.name, e.xattrs);
        this.#touch(parts);
    }
    #hardlink(parts, rel, e) {
        const targetParts = entryComponents(e.linkname, e.name, 'hardlink target');
        if (targetParts.length === 0)
            throw unsafe(e.name, 'hardlink target is the layer root');
        const targetRel = targetParts.join('/');
        if (targetRel === rel)
            return;
        const checkTarget = () => {
            // parentsExist refuses symlinked parents, so the link never reaches through one.
            const present = this.#root.parentsExist(targetParts, e.name);
            const stats = present ? lstatOrUndefined(this.#root.abs(targetRel)) : undefined;
            if (!stats) {
                throw unsafe(e.name, `hardlink target "${e.linkname}" is not in this layer`);
            }
            if (stats.isDirectory())
                throw unsafe(e.name, `hardlink target "${e.linkname}" is a directory`);
        };
        checkTarget();
        this.#ensureParents(parts, e.name);
        this.#clear(rel, false);
        // Clearing the entry's path may have removed a directory holding the target.
        checkTarget();
        (0,external_node_fs_namespaceObject.linkSync)(this.#root.abs(targetRel), this.#root.abs(rel));
        this.#touch(parts);
    }
    #node(parts, rel, e) {
        if (e.type !== 'fifo' && !this.#isRoot) {
            this.skipped.devices++;
            this.#logger.debug(`skipping device node ${rel}: not root`);
            return;
        }
        this.#ensureParents(parts, e.name);
        this.#clear(rel, false);
        const owner = this.#owner(e);
        this.#queueNode({
            rel,
            parts,
            spec: {
                path: this.#root.abs(rel),
                kind: e.type,
                major: e.devmajor,
                minor: e.devminor,
                mode: e.mode,
            },
            uid: owner.uid,
            gid: owner.gid,
            mtime: e.mtime,
            xattrs: e.xattrs,
        });
        this.#touch(parts);
    }
    #whiteout(parts, whiteout, e) {
        const dirParts = parts.slice(0, -1);
        const dirRel = dirParts.join('/');
        if (whiteout.kind === 'meta') {
            this.skipped.other++;
            this.#logger.debug(`skipping AUFS metadata entry ${e.name}`);
            return;
        }
        if (this.#mode === 'overlay') {
            // The directory holding the marker has to exist in this layer for overlayfs to see it.
            this.#ensureParents(parts, e.name);
            if (whiteout.kind === 'opaque') {
                this.#queueOpaque(dirRel, dirParts, (0,external_node_fs_namespaceObject.lstatSync)(this.#root.abs(dirRel)).ino);
                return;
            }
            const targetParts = [...dirParts, whiteout.target];
            const targetRel = targetParts.join('/');
            // Whiteouts hide lower layers only: what this layer wrote stays, but a directory it
            // wrote no longer merges with the lower one the whiteout deletes.
            const existing = lstatOrUndefined(this.#root.abs(targetRel));
            if (existing) {
                if (existing.isDirectory())
                    this.#queueOpaque(targetRel, targetParts, existing.ino);
                return;
            }
            const owner = this.#rootOwner(e.name);
            this.#queueNode({
                rel: targetRel,
                parts: targetParts,
                spec: {
                    path: this.#root.abs(targetRel),
                    kind: 'character-device',
                    major: 0,
                    minor: 0,
                    mode: 0,
                },
                uid: owner.uid,
                gid: owner.gid,
                mtime: e.mtime,
                xattrs: [],
            });
            return;
        }
        // 'apply': delete from the earlier layers' content, never through a symlinked parent.
        if (!this.#root.parentsExist(parts, e.name))
            return;
        if (whiteout.kind === 'opaque') {
            this.#prune(dirRel);
            return;
        }
        const targetRel = dirRel === '' ? whiteout.target : `${dirRel}/${whiteout.target}`;
        const stats = lstatOrUndefined(this.#root.abs(targetRel));
        if (!stats)
            return;
        if (this.#layerPaths?.has(targetRel)) {
            // Written by this layer: it stays, without what the lower layers had inside it.
            if (stats.isDirectory())
                this.#prune(targetRel);
            return;
        }
        this.#root.remove(targetRel, stats);
    }
    /** Removes everything under a directory that this layer did not write ('apply' opaque). */
    #prune(dirRel) {
        const dir = this.#root.abs(dirRel);
        for (const raw of (0,external_node_fs_namespaceObject.readdirSync)(dir, { encoding: 'buffer' })) {
            const name = raw.toString('utf8');
            if (!Buffer.from(name, 'utf8').equals(raw)) {
                // Not UTF-8, so no archive entry can name it: it belongs to a lower layer.
                (0,external_node_fs_namespaceObject.rmSync)(Buffer.concat([Buffer.from(`${dir}/`), raw]), { recursive: true, force: true });
                continue;
            }
            const rel = dirRel === '' ? name : `${dirRel}/${name}`;
            const stats = (0,external_node_fs_namespaceObject.lstatSync)((0,external_node_path_namespaceObject.join)(dir, name));
            if (!this.#layerPaths?.has(rel))
                this.#root.remove(rel, stats);
            else if (stats.isDirectory())
                this.#prune(rel);
        }
    }
    // ---- helpers
    #ensureParents(parts, entry) {
        this.#root.ensureParents(parts, entry, (rel) => {
            const below = this.#mode === 'overlay' ? this.#lowerDirectory(rel, entry) : undefined;
            if (below) {
                // Host ids already: the lower layer was mapped when it was applied.
                const relParts = rel.split('/');
                const ino = (0,external_node_fs_namespaceObject.lstatSync)(this.#root.abs(rel)).ino;
                this.#dirAttributes.set(rel, {
                    parts: relParts,
                    ino,
                    mode: below.mode & 0o7777,
                    uid: below.uid,
                    gid: below.gid,
                    mtime: below.mtimeMs / 1000,
                });
            }
            else if (this.#isRoot && this.#idMap) {
                const owner = this.#rootOwner(entry);
                (0,external_node_fs_namespaceObject.lchownSync)(this.#root.abs(rel), owner.uid, owner.gid);
            }
        });
    }
    /**
     * What the lower layers show at `rel`: the top-most one that has the path decides. A
     * whiteout, or a parent that is not a directory there, hides the deeper layers. Opaque
     * directories are not consulted (that would take an xattr read per lookup).
     */
    #lowerDirectory(rel, entry) {
        const parts = rel.split('/');
        for (const lower of this.#lowerDirs) {
            let path = lower;
            let found;
            for (let i = 0; i < parts.length; i++) {
                path = (0,external_node_path_namespaceObject.join)(path, parts[i]);
                const stats = lstatOrUndefined(path);
                if (!stats)
                    break;
                if (i === parts.length - 1)
                    found = stats;
                else if (!stats.isDirectory())
                    return undefined;
            }
            if (!found)
                continue;
            if (isOverlayWhiteout(found))
                return undefined;
            if (found.isSymbolicLink()) {
                throw unsafe(entry, `parent "${rel}" is a symlink in a lower layer; writing through it could leave the layer`);
            }
            if (!found.isDirectory())
                throw unsafe(entry, `parent "${rel}" is not a directory in a lower layer`);
            return found;
        }
        return undefined;
    }
    /**
     * Removes what is at `rel` so an entry can take its place; a directory stays when the
     * entry is one too (its stats are returned). Never follows a symlink at `rel`.
     */
    #clear(rel, keepDirectory) {
        const stats = lstatOrUndefined(this.#root.abs(rel));
        if (!stats)
            return undefined;
        if (keepDirectory && stats.isDirectory())
            return stats;
        this.#root.remove(rel, stats);
        return undefined;
    }
    #touch(parts) {
        if (!this.#layerPaths)
            return;
        let rel = '';
        for (const part of parts) {
            rel = rel === '' ? part : `${rel}/${part}`;
            this.#layerPaths.add(rel);
        }
    }
    #owner(e) {
        if (!this.#isRoot)
            return { uid: -1, gid: -1 };
        return {
            uid: hostId(this.#idMap, 'uid', e.uid, e.name),
            gid: hostId(this.#idMap, 'gid', e.gid, e.name),
        };
    }
    #rootOwner(entry) {
        return { uid: hostId(this.#idMap, 'uid', 0, entry), gid: hostId(this.#idMap, 'gid', 0, entry) };
    }
    #queueXattrs(rel, parts, ino, entry, xattrs) {
        if (xattrs.length === 0)
            return;
        const attrs = xattrs.filter(([name]) => !isOverlayXattr(name));
        if (attrs.length < xattrs.length) {
            // An archive carrying overlayfs' own attributes could redirect lookups into other layers.
            this.skipped.xattrs += xattrs.length - attrs.length;
            this.#logger.warn(`entry "${entry}": ignored overlayfs xattrs an archive may not set`);
        }
        if (attrs.length > 0)
            this.#xattrJobs.push({ rel, parts, ino, attrs, strict: false });
    }
    #queueOpaque(rel, parts, ino) {
        this.#xattrJobs.push({
            rel,
            parts,
            ino,
            attrs: [[this.#opaqueXattr, Buffer.from('y')]],
            strict: true,
        });
    }
    #isWhiteoutAt(rel) {
        const stats = lstatOrUndefined(this.#root.abs(rel));
        return stats !== undefined && isOverlayWhiteout(stats);
    }
    #nodePath(parts, e, whiteout) {
        if (whiteout) {
            if (whiteout.kind !== 'whiteout' || this.#mode !== 'overlay')
                return undefined;
            return [...parts.slice(0, -1), whiteout.target];
        }
        const isNode = e.type === 'fifo' || e.type === 'character-device' || e.type === 'block-device';
        return isNode && parts.length > 0 ? parts : undefined;
    }
    #conflictsWithPending(parts) {
        let rel = '';
        for (const part of parts) {
            rel = rel === '' ? part : `${rel}/${part}`;
            if (this.#pendingPaths.has(rel))
                return true;
        }
        return false;
    }
    #queueNode(node) {
        this.#pendingNodes.push(node);
        this.#pendingPaths.add(node.rel);
    }
    async #flushNodes() {
        const nodes = this.#pendingNodes;
        if (nodes.length === 0)
            return;
        this.#pendingNodes = [];
        this.#pendingPaths.clear();
        await makeNodes(nodes.map((n) => n.spec));
        for (const n of nodes) {
            const path = n.spec.path;
            if (this.#isRoot)
                (0,external_node_fs_namespaceObject.lchownSync)(path, n.uid, n.gid);
            (0,external_node_fs_namespaceObject.chmodSync)(path, n.spec.mode);
            (0,external_node_fs_namespaceObject.lutimesSync)(path, n.mtime, n.mtime);
            if (n.xattrs.length > 0) {
                this.#queueXattrs(n.rel, n.parts, (0,external_node_fs_namespaceObject.lstatSync)(path).ino, n.rel, n.xattrs);
            }
        }
    }
    /** Whether a path recorded earlier still names the same inode through real directories. */
    #unchanged(rel, parts, ino) {
        if (rel !== '' && !this.#root.parentsIntact(parts))
            return false;
        return lstatOrUndefined(this.#root.abs(rel))?.ino === ino;
    }
    async #flushXattrs() {
        const jobs = this.#xattrJobs.filter((j) => this.#unchanged(j.rel, j.parts, j.ino));
        this.#xattrJobs = [];
        if (jobs.length === 0)
            return;
        const strict = jobs.filter((j) => j.strict);
        const lenient = jobs.filter((j) => !j.strict);
        if (!hasCommand('setfattr')) {
            if (strict.length > 0) {
                throw new errors_LighterError('ERR_UNSUPPORTED', `marking ${strict.length} opaque director${strict.length === 1 ? 'y' : 'ies'} needs ${ATTR_TOOLS_HINT}`);
            }
            const count = lenient.reduce((n, j) => n + j.attrs.length, 0);
            this.skipped.xattrs += count;
            this.#logger.warn(`skipped ${count} xattr(s): setting them needs ${ATTR_TOOLS_HINT}`);
            return;
        }
        const asBatch = (list) => list.map((j) => ({ path: j.rel === '' ? '.' : j.rel, attrs: j.attrs }));
        const complaints = await setXattrs(this.#root.root, asBatch(lenient));
        if (complaints.length > 0) {
            this.skipped.xattrs += complaints.length;
            for (const line of complaints)
                this.#logger.warn(`could not set xattr: ${line}`);
        }
        const failed = await setXattrs(this.#root.root, asBatch(strict));
        if (failed.length > 0) {
            throw new errors_LighterError('ERR_STORE', `setting ${this.#opaqueXattr}: ${failed.join('; ')}`);
        }
    }
    #applyDirAttributes() {
        // Deepest first: as non-root, a read-only parent would otherwise block its children.
        const dirs = [...this.#dirAttributes.entries()].sort(([, a], [, b]) => b.parts.length - a.parts.length);
        for (const [rel, d] of dirs) {
            if (!this.#unchanged(rel, d.parts, d.ino))
                continue;
            const path = this.#root.abs(rel);
            if (this.#isRoot)
                (0,external_node_fs_namespaceObject.lchownSync)(path, d.uid, d.gid);
            (0,external_node_fs_namespaceObject.chmodSync)(path, d.mode);
            (0,external_node_fs_namespaceObject.utimesSync)(path, d.mtime, d.mtime);
        }
    }
}
function writeAll(fd, chunk) {
    let offset = 0;
    while (offset < chunk.length)
        offset += (0,external_node_fs_namespaceObject.writeSync)(fd, chunk, offset, chunk.length - offset);
}
/** Errno failures are the store's; anything else (tar or compression format) the archive's. */
function fallbackCode(err) {
    return typeof err?.syscall === 'string'
        ? 'ERR_STORE'
        : 'ERR_UNSAFE_ARCHIVE';
}
/** Picks the compression from magic bytes and hands back a stream that still starts with them. */
async function sniffCompression(input) {
    const it = input[Symbol.asyncIterator]();
    const head = [];
    let length = 0;
    let ended = false;
    while (length < 4) {
        const next = await it.next();
        if (next.done) {
            ended = true;
            break;
        }
        head.push(next.value);
        length += next.value.length;
    }
    const first = Buffer.concat(head);
    let compression = 'none';
    if (first[0] === 0x1f && first[1] === 0x8b)
        compression = 'gzip';
    else if (first.length >= 4 && first.readUInt32LE(0) === 0xfd2fb528)
        compression = 'zstd';
    const rest = { [Symbol.asyncIterator]: () => it };
    const source = external_node_stream_namespaceObject.Readable.from((async function* () {
        if (first.length > 0)
            yield first;
        if (!ended)
            yield* rest;
    })(), { objectMode: false });
    return { compression, source };
}
class ByteCounter extends external_node_stream_namespaceObject.Transform {
    size = 0;
    _transform(chunk, _encoding, done) {
        this.size += chunk.length;
        done(null, chunk);
    }
}

;// CONCATENATED MODULE: ./.build/src/core/storage/layer/diff.js
// Writes a directory as a layer tar, deterministically, turning overlayfs whiteouts back into OCI ones.
//
// The same tree always gives the same bytes: children in bytewise name order (whiteouts of a
// directory first, as the OCI spec recommends), no user or group names, whole-second mtimes
// (clamped to SOURCE_DATE_EPOCH when given), PAX records only where ustar cannot say it, and
// a gzip header without name or time and with OS "unknown" (as Go writes it).










/** Attributes that describe the host rather than the image, so they would break reproducibility. */
const HOST_XATTRS = new Set(['security.selinux']);
const diff_READ_CHUNK = 1024 * 1024;
/**
 * Walks `upperDir` and streams it as a layer. Hardlinks (same device and inode) become tar
 * hardlink entries pointing at the first path in walk order. Sockets are skipped.
 */
function diffLayer(upperDir, options) {
    if (options.mode !== 'overlay-upper' && options.mode !== 'full') {
        throw new InvalidArgumentError(`mode must be 'overlay-upper' or 'full', not ${String(options.mode)}`);
    }
    if (!['gzip', 'zstd', 'none'].includes(options.compression)) {
        throw new InvalidArgumentError(`compression must be gzip, zstd or none, not ${String(options.compression)}`);
    }
    const epoch = options.sourceDateEpoch;
    if (epoch !== undefined && !(Number.isInteger(epoch) && epoch >= 0)) {
        throw new InvalidArgumentError(`sourceDateEpoch must be a whole number of seconds, not ${epoch}`);
    }
    const root = (0,external_node_path_namespaceObject.resolve)(upperDir);
    let rootStats;
    try {
        rootStats = (0,external_node_fs_namespaceObject.lstatSync)(root);
    }
    catch (err) {
        throw new InvalidArgumentError(`writing layer: cannot read ${root}`, { cause: err });
    }
    if (!rootStats.isDirectory())
        throw new InvalidArgumentError(`writing layer: ${root} is not a directory`);
    const walker = new TreeWalker(root, options);
    const tar = external_node_stream_namespaceObject.Readable.from(walker.tar(), { objectMode: false, highWaterMark: diff_READ_CHUNK });
    const diffDigester = new DigestingStream();
    const blobDigester = new DigestingStream();
    let settle;
    const done = new Promise((resolve, reject) => {
        settle = { resolve, reject };
    });
    // The stream reports the same failure; a caller that only reads it must not see an unhandled rejection.
    done.catch(() => { });
    (0,external_node_stream_namespaceObject.pipeline)(tar, diffDigester, ...compressor(options.compression), blobDigester, (err) => {
        if (err) {
            settle?.reject(withContext(err, `writing layer from ${root}`, 'ERR_STORE'));
            return;
        }
        settle?.resolve({
            digest: blobDigester.digest,
            diffId: diffDigester.digest,
            size: blobDigester.size,
            uncompressedSize: diffDigester.size,
            entries: walker.entries,
        });
    });
    return { stream: blobDigester, done };
}
class TreeWalker {
    entries = 0;
    #root;
    #overlay;
    #epoch;
    #idMap;
    #logger;
    #xattrs = new Map();
    /** First path seen for each device:inode with more than one link. */
    #links = new Map();
    constructor(root, options) {
        this.#root = root;
        this.#overlay = options.mode === 'overlay-upper';
        this.#epoch = options.sourceDateEpoch;
        this.#idMap = options.idMap;
        this.#logger = options.logger ?? log_silentLogger;
    }
    async *tar() {
        await this.#loadXattrs();
        if (this.#overlay && this.#isOpaque('')) {
            yield this.#marker(OPAQUE_WHITEOUT, (0,external_node_fs_namespaceObject.lstatSync)(this.#root));
        }
        yield* this.#walk('');
        yield endOfArchive();
    }
    async #loadXattrs() {
        if (!hasCommand('getfattr')) {
            if (this.#overlay) {
                throw new errors_LighterError('ERR_UNSUPPORTED', `reading opaque directories of an overlay upper dir needs ${ATTR_TOOLS_HINT}`);
            }
            this.#logger.warn(`xattrs are left out of the layer: reading them needs ${ATTR_TOOLS_HINT}`);
            return;
        }
        const tree = await readXattrTree(this.#root);
        for (const line of tree.errors)
            this.#logger.warn(`reading xattrs: ${line}`);
        this.#xattrs = tree.byPath;
    }
    async *#walk(dirRel) {
        const dir = dirRel === '' ? this.#root : (0,external_node_path_namespaceObject.join)(this.#root, dirRel);
        const children = [];
        const raws = (0,external_node_fs_namespaceObject.readdirSync)(dir, { encoding: 'buffer' }).sort(Buffer.compare);
        for (const raw of raws) {
            const name = raw.toString('utf8');
            const rel = dirRel === '' ? name : `${dirRel}/${name}`;
            if (!Buffer.from(name, 'utf8').equals(raw)) {
                throw new errors_LighterError('ERR_UNSUPPORTED', `"${rel}": file names must be UTF-8 to go in a layer`, {
                    details: { path: rel },
                });
            }
            children.push({ name, rel, stats: (0,external_node_fs_namespaceObject.lstatSync)((0,external_node_path_namespaceObject.join)(dir, name)) });
        }
        if (this.#overlay) {
            for (const c of children) {
                if (isOverlayWhiteout(c.stats)) {
                    yield this.#marker(dirRel === '' ? `${WHITEOUT_PREFIX}${c.name}` : `${dirRel}/${WHITEOUT_PREFIX}${c.name}`, c.stats);
                }
            }
        }
        for (const c of children) {
            if (this.#overlay && isOverlayWhiteout(c.stats))
                continue;
            if (c.name.startsWith(WHITEOUT_PREFIX)) {
                throw new errors_LighterError('ERR_UNSUPPORTED', `"${c.rel}": names starting with ${WHITEOUT_PREFIX} mean deletions in a layer and cannot be stored`, { details: { path: c.rel } });
            }
            yield* this.#entry(c.rel, c.stats);
        }
    }
    async *#entry(rel, stats) {
        const base = {
            name: rel,
            mode: stats.mode & 0o7777,
            uid: containerId(this.#idMap, 'uid', stats.uid, rel),
            gid: containerId(this.#idMap, 'gid', stats.gid, rel),
            size: 0,
            mtime: this.#mtime(stats),
            xattrs: this.#entryXattrs(rel),
        };
        const path = (0,external_node_path_namespaceObject.join)(this.#root, rel);
        if (stats.isDirectory()) {
            this.entries++;
            yield encodeHeader({ ...base, type: 'directory' });
            if (this.#overlay && this.#isOpaque(rel))
                yield this.#marker(`${rel}/${OPAQUE_WHITEOUT}`, stats);
            yield* this.#walk(rel);
            return;
        }
        if (stats.isSocket()) {
            this.#logger.debug(`skipping socket ${rel}: tar cannot hold one`);
            return;
        }
        if (stats.nlink > 1) {
            const big = (0,external_node_fs_namespaceObject.lstatSync)(path, { bigint: true });
            const key = `${big.dev}:${big.ino}`;
            const first = this.#links.get(key);
            if (first !== undefined) {
                this.entries++;
                yield encodeHeader({ ...base, type: 'link', linkname: first, xattrs: [] });
                return;
            }
            this.#links.set(key, rel);
        }
        this.entries++;
        if (stats.isFile()) {
            yield encodeHeader({ ...base, type: 'file', size: stats.size });
            yield* this.#fileData(path, rel, stats);
        }
        else if (stats.isSymbolicLink()) {
            yield encodeHeader({ ...base, type: 'symlink', linkname: (0,external_node_fs_namespaceObject.readlinkSync)(path, 'utf8') });
        }
        else if (stats.isCharacterDevice() || stats.isBlockDevice()) {
            yield encodeHeader({
                ...base,
                type: stats.isCharacterDevice() ? 'character-device' : 'block-device',
                devmajor: major(stats.rdev),
                devminor: minor(stats.rdev),
            });
        }
        else if (stats.isFIFO()) {
            yield encodeHeader({ ...base, type: 'fifo' });
        }
    }
    async *#fileData(path, rel, stats) {
        const fd = (0,external_node_fs_namespaceObject.openSync)(path, external_node_fs_namespaceObject.constants.O_RDONLY | external_node_fs_namespaceObject.constants.O_NOFOLLOW);
        try {
            const now = (0,external_node_fs_namespaceObject.fstatSync)(fd);
            if (now.ino !== stats.ino)
                throw changed(rel);
            let left = stats.size;
            while (left > 0) {
                const buf = Buffer.allocUnsafe(Math.min(diff_READ_CHUNK, left));
                const n = (0,external_node_fs_namespaceObject.readSync)(fd, buf, 0, buf.length, null);
                // A shorter file would corrupt the tar; a longer one is cut at the size in the header.
                if (n === 0)
                    throw changed(rel);
                left -= n;
                yield n === buf.length ? buf : buf.subarray(0, n);
            }
        }
        finally {
            (0,external_node_fs_namespaceObject.closeSync)(fd);
        }
        const pad = padding(stats.size);
        if (pad.length > 0)
            yield pad;
    }
    /** An empty regular file standing for a whiteout or an opaque directory. */
    #marker(name, stats) {
        this.entries++;
        const header = {
            name,
            type: 'file',
            mode: 0,
            uid: 0,
            gid: 0,
            size: 0,
            mtime: this.#mtime(stats),
        };
        return encodeHeader(header);
    }
    #mtime(stats) {
        const seconds = Math.floor(stats.mtimeMs / 1000);
        return this.#epoch !== undefined && seconds > this.#epoch ? this.#epoch : seconds;
    }
    #isOpaque(rel) {
        return (this.#xattrs.get(rel) ?? []).some(([name, value]) => (name === 'trusted.overlay.opaque' || name === 'user.overlay.opaque') &&
            value.toString('latin1') === 'y');
    }
    #entryXattrs(rel) {
        const out = [];
        for (const [name, value] of this.#xattrs.get(rel) ?? []) {
            const overlayName = /^(?:trusted|user)\.overlay\.(.*)$/.exec(name)?.[1];
            if (overlayName !== undefined) {
                if (this.#overlay && (overlayName === 'redirect' || overlayName === 'metacopy')) {
                    throw new errors_LighterError('ERR_UNSUPPORTED', `"${rel}" has ${name}: its content lives in a lower layer; mount the overlay with redirect_dir=off,metacopy=off`, { details: { path: rel } });
                }
                continue;
            }
            if (!HOST_XATTRS.has(name))
                out.push([name, value]);
        }
        return out;
    }
}
function changed(rel) {
    return new errors_LighterError('ERR_STORE', `"${rel}" changed while it was being read`, {
        details: { path: rel },
    });
}
/** glibc's gnu_dev_major/minor on a Linux dev_t. */
function major(rdev) {
    return Number(((BigInt(rdev) >> 8n) & 0xfffn) | ((BigInt(rdev) >> 32n) & ~0xfffn));
}
function minor(rdev) {
    return Number((BigInt(rdev) & 0xffn) | ((BigInt(rdev) >> 12n) & 0xffffff00n));
}
function compressor(compression) {
    // Loaded on first use, like the decompressor: the store's module is on every run's path.
    const zlib = process.getBuiltinModule('node:zlib');
    switch (compression) {
        case 'gzip':
            return [zlib.createGzip({ level: 6 }), new GzipOsByte()];
        case 'zstd':
            return [zlib.createZstdCompress({ params: { [zlib.constants.ZSTD_c_compressionLevel]: 3 } })];
        case 'none':
            return [new external_node_stream_namespaceObject.PassThrough()];
    }
}
/** Sets the gzip header's OS byte to 255 ("unknown"): zlib writes the build platform's there. */
class GzipOsByte extends external_node_stream_namespaceObject.Transform {
    #seen = 0;
    _transform(chunk, _encoding, done) {
        const OS_OFFSET = 9;
        if (this.#seen <= OS_OFFSET && this.#seen + chunk.length > OS_OFFSET) {
            chunk[OS_OFFSET - this.#seen] = 0xff;
        }
        this.#seen += chunk.length;
        done(null, chunk);
    }
}

;// CONCATENATED MODULE: ./.build/src/core/storage/layer/index.js
// Layer tars in and out of directories: applyLayer extracts one safely, diffLayer writes one.



;// CONCATENATED MODULE: ./.build/src/core/storage/layer/stubs.js
// Mountpoint stubs: the empty files and directories a runtime makes in a container's upper dir
// for the bind mounts of a RUN step (/etc/hosts and the like), which are no part of its layer.


/** Removes the stubs (container paths, deepest first) still empty in `upper`, keeping their parents' times. */
async function removeEmptyStubs(upper, stubs) {
    for (const path of stubs) {
        // The step could have put a symlink where a parent was: never follow one out of `upper`
        // (this may run as root).
        if (await throughSymlink(upper, path))
            continue;
        const host = (0,external_node_path_namespaceObject.join)(upper, path);
        const st = await (0,promises_namespaceObject.lstat)(host).catch(() => undefined);
        if (!st)
            continue;
        if (st.isDirectory()) {
            if ((await (0,promises_namespaceObject.readdir)(host)).length > 0)
                continue;
        }
        else if (!st.isFile() || st.size !== 0) {
            continue;
        }
        const parent = external_node_path_namespaceObject.posix.dirname(host);
        const parentStats = await (0,promises_namespaceObject.stat)(parent).catch(() => undefined);
        if (st.isDirectory())
            await (0,promises_namespaceObject.rmdir)(host);
        else
            await (0,promises_namespaceObject.unlink)(host);
        if (parentStats)
            await (0,promises_namespaceObject.utimes)(parent, parentStats.atime, parentStats.mtime).catch(() => { });
    }
}
async function throughSymlink(upper, path) {
    const parts = path.split('/').filter((p) => p !== '' && p !== '.');
    if (parts.includes('..'))
        return true;
    for (let i = 1; i <= parts.length; i++) {
        const st = await (0,promises_namespaceObject.lstat)((0,external_node_path_namespaceObject.join)(upper, ...parts.slice(0, i))).catch(() => undefined);
        if (!st)
            return false;
        if (st.isSymbolicLink())
            return true;
    }
    return false;
}

;// CONCATENATED MODULE: ./.build/src/core/fs/atomic-write.js
// Durable file replacement: readers see the old bytes or the new bytes, never a torn mix.



/** A unique hidden name beside `path` (same directory, so a rename onto `path` is atomic). */
function tempPathFor(path, tag = 'tmp') {
    return join(dirname(path), `.${basename(path)}.${tag}-${process.pid}-${randomBytes(4).toString('hex')}`);
}
/**
 * Flushes a directory entry to disk so a rename inside it survives a crash.
 * Some platforms (Windows) cannot open directories; there the rename is as durable as it gets.
 */
async function atomic_write_fsyncDir(dir) {
    let handle;
    try {
        handle = await open(dir, 'r');
        await handle.sync();
    }
    catch (err) {
        const code = err.code;
        if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EACCES')
            throw err;
    }
    finally {
        await handle?.close();
    }
}
/** Renames a finished (already fsynced) temp file onto its final name and syncs the directory. */
async function renameDurable(from, to) {
    await rename(from, to);
    await atomic_write_fsyncDir(dirname(to));
}
/** Writes `data` to `path` through a temp file: write, fsync, rename, fsync the directory. */
async function writeFileAtomic(path, data, options = {}) {
    const temp = tempPathFor(path);
    const durable = options.durable ?? true;
    try {
        const handle = await open(temp, 'wx', options.mode ?? 0o644);
        try {
            await handle.writeFile(data);
            if (durable)
                await handle.sync();
        }
        finally {
            await handle.close();
        }
        if (durable)
            await renameDurable(temp, path);
        else
            await rename(temp, path);
    }
    catch (err) {
        await rm(temp, { force: true });
        throw err;
    }
}

;// CONCATENATED MODULE: ./.build/src/core/storage/chain-id.js
// Chain IDs (OCI image spec, config.md): the key of an unpacked layer stack, one per layer position.

/**
 * The chain ID of every prefix of `diffIds`: the first is the first diff ID, then
 * `sha256(previous + " " + diffId)`. A layer directory named by its chain ID is shared by
 * every image whose stack up to that layer is the same.
 */
function chainIds(diffIds) {
    const out = [];
    let previous;
    for (const diffId of diffIds) {
        previous = previous === undefined ? diffId : digestOf(`${previous} ${diffId}`);
        out.push(previous);
    }
    return out;
}
/** The directory name of a chain ID under `layers/` (the hex part; all chain IDs are sha256). */
function chain_id_layerDirName(chainId) {
    return digestHex(chainId);
}

;// CONCATENATED MODULE: ./.build/src/core/storage/remove-tree.js
// Removes a directory tree even when the tree itself forbids it (read-only directories unpacked from an image).



/**
 * `rm -rf`, except that directories without write permission (common in images: a 0555
 * `/usr`) are made writable first when a plain removal fails, as a non-root owner must; and a
 * tree made by root for a process that handles its layers as root is removed through sudo.
 */
async function remove_tree_removeTree(path) {
    try {
        await rm(path, { recursive: true, force: true, maxRetries: 2 });
        return;
    }
    catch (err) {
        const code = err.code;
        if (code !== 'EACCES' && code !== 'EPERM')
            throw err;
    }
    // Made by root for this process (layers handled as root through sudo): removed the same way,
    // without first walking a tree whose modes this user may not change anyway.
    if (await layersAsRoot()) {
        await removeAsRoot(path);
        return;
    }
    await makeWritable(path);
    await rm(path, { recursive: true, force: true, maxRetries: 2 });
}
async function makeWritable(path) {
    let info;
    try {
        info = await lstat(path);
    }
    catch {
        return;
    }
    if (!info.isDirectory())
        return;
    await chmod(path, 0o700).catch(() => { });
    const names = await readdir(path).catch(() => []);
    await Promise.all(names.map((name) => makeWritable(join(path, name))));
}

;// CONCATENATED MODULE: ./.build/src/core/storage/leftovers.js
// Names of work-in-progress files carry the writer's pid, so anyone can tell a live writer's temp files from a dead one's leftovers.




/**
 * A hidden name for something this process is still writing: `.tmp-<kind>-<pid>-<hex>`.
 * `ownerPid` reads the pid back; the name never looks like a digest, so GC never takes it for content.
 */
function leftovers_tempName(kind) {
    return `.tmp-${kind}-${process.pid}-${randomBytes(6).toString('hex')}`;
}
// Ours (`.tmp-layer-1-ab`, `.trash-1-ab`), writeContentFile's (`.tmp-blob-1-ab`) and
// writeFileAtomic's (`.index.json.tmp-1-ab`): a pid, then random hex, at the end.
const TEMP = /^\..*?(?:tmp|trash)(?:-[a-z]+)?-(\d+)-[0-9a-f]+$/;
/** The pid in a temp name, or undefined when the name is not one of ours. */
function ownerPid(name) {
    const match = TEMP.exec(name);
    return match ? Number(match[1]) : undefined;
}
/** True while `pid` runs (EPERM: it runs, as another user). */
function isProcessAlive(pid) {
    if (pid === process.pid)
        return true;
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (err) {
        return err.code === 'EPERM';
    }
}
/** A temp name whose writer is gone: nobody will finish it, so it can be removed. */
function isLeftover(name) {
    const pid = ownerPid(name);
    return pid !== undefined && !isProcessAlive(pid);
}
/** The leftovers directly inside `dir` (missing dir: none). */
async function findLeftovers(dir) {
    let names;
    try {
        names = await readdir(dir);
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return [];
        throw err;
    }
    return names.filter(isLeftover).map((name) => join(dir, name));
}
/**
 * Removes `paths`, first renaming each into a private trash directory under `root`, so that
 * two processes cleaning at once never trip over a half-removed tree: whoever renames it owns it.
 * Returns the bytes freed (file sizes) and how many paths this call removed.
 */
async function discard(root, paths) {
    if (paths.length === 0)
        return { count: 0, bytes: 0 };
    const trash = join(root, `.trash-${process.pid}-${randomBytes(6).toString('hex')}`);
    let count = 0;
    let trashed = [trash];
    try {
        trashed = await moveToTrash(trash, paths, (moved) => {
            count += moved;
        });
        let bytes = 0;
        for (const path of trashed) {
            bytes += await treeBytes(path);
            await removeTree(path);
        }
        return { count, bytes };
    }
    catch (err) {
        for (const path of trashed)
            await removeTree(path).catch(() => { });
        throw err;
    }
}
/**
 * Renames `paths` into `trash` (created on demand); a path that vanished meanwhile is skipped.
 * A directory this process may not move to another parent (root's, for a process that handles
 * its layers as root) is renamed to a trash name beside it instead. Returns what the caller
 * removes: `trash` and those (a crash leaves them as leftovers that a later GC removes).
 */
async function moveToTrash(trash, paths, onMoved) {
    await mkdir(trash, { recursive: true });
    const trashed = [trash];
    let i = 0;
    for (const path of paths) {
        try {
            try {
                await rename(path, join(trash, String(i++)));
            }
            catch (err) {
                const code = err.code;
                if (code !== 'EACCES' && code !== 'EPERM')
                    throw err;
                const beside = join(dirname(path), `.trash-${process.pid}-${randomBytes(6).toString('hex')}`);
                await rename(path, beside);
                trashed.push(beside);
            }
            onMoved?.(1);
        }
        catch (err) {
            if (err.code !== 'ENOENT')
                throw err;
        }
    }
    return trashed;
}
/** Sum of the sizes of regular files under `path` (the path itself may be a file). */
async function treeBytes(path) {
    let info;
    try {
        info = await lstat(path);
    }
    catch {
        return 0;
    }
    if (info.isFile())
        return info.size;
    if (!info.isDirectory())
        return 0;
    let names;
    try {
        names = await readdir(path);
    }
    catch {
        return 0;
    }
    const sizes = await Promise.all(names.map((name) => treeBytes(join(path, name))));
    return sizes.reduce((a, b) => a + b, 0);
}

;// CONCATENATED MODULE: ./.build/src/core/storage/unpack.js
// Unpacked layer directories: extracted into a temp dir, then renamed into place, so a present `layers/<chain ID>` is always complete.













const LAYERS_DIR = 'layers';
function layerPath(layersDir, chainId) {
    return join(layersDir, layerDirName(chainId));
}
async function isDirectory(path) {
    try {
        return (await stat(path)).isDirectory();
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return false;
        throw err;
    }
}
/** A fresh, private directory under `layers/` to extract into. */
async function makeTempLayerDir(layersDir) {
    await mkdir(layersDir, { recursive: true });
    const dir = join(layersDir, tempName('layer'));
    await mkdir(dir, { mode: 0o755 });
    return dir;
}
/**
 * Renames a complete extraction to `layers/<chain ID>`. When another process got there first
 * the directory is the same layer, so ours is dropped. True when ours was placed.
 */
async function placeLayerDir(temp, layersDir, chainId) {
    const final = layerPath(layersDir, chainId);
    if (await isDirectory(final)) {
        await removeTree(temp);
        return false;
    }
    try {
        await rename(temp, final);
    }
    catch (err) {
        const code = err.code;
        if (code !== 'ENOTEMPTY' && code !== 'EEXIST')
            throw err;
        await removeTree(temp);
        return false;
    }
    // File data is not synced (a layer dir can be unpacked again from its blob); the name is.
    await fsyncDir(layersDir);
    return true;
}
/**
 * Extracts one layer from its stored blob file into place as `layers/<chain ID>`: in a worker
 * thread when there is one (which also re-checks the blob's digest on the way), else here.
 */
async function unpackLayer(blob, layersDir, chainId, options) {
    const temp = await makeTempLayerDir(layersDir);
    try {
        let diffId;
        const followed = followBlob(blob.file, {
            hash: true,
            unpack: { dir: temp, compression: options.compression },
        });
        if (followed) {
            followed.end(blob.size);
            const [read, unpacked] = await Promise.allSettled([followed.read, followed.unpacked]);
            if (read.status === 'rejected')
                throw read.reason;
            if (unpacked.status === 'rejected')
                throw unpacked.reason;
            if (read.value.digest !== blob.digest) {
                throw new LighterError('ERR_DIGEST_MISMATCH', `${options.what}: the stored blob is ${read.value.digest}, not ${blob.digest} (damaged on disk?)`, { details: { expected: blob.digest, actual: read.value.digest } });
            }
            diffId = unpacked.value;
        }
        else {
            diffId = (await extractInto(createReadStream(blob.file), temp, options.compression, options.logger)).diffId;
        }
        checkDiffId(diffId, options.diffId, options.what);
        await placeLayerDir(temp, layersDir, chainId);
    }
    catch (err) {
        await removeTree(temp).catch(() => { });
        throw err;
    }
    return layerPath(layersDir, chainId);
}
/**
 * Applies a layer tar with overlay-form whiteouts: each layer dir is one overlay lower dir. As
 * root through sudo when the layers are handled so (as-root.ts).
 */
async function extractInto(input, dir, compression, logger) {
    // The synchronous check first: as root, the pipeline below must start in this very tick (a
    // blob worker writes into it at once; waiting a tick slowed a 9-layer pull by a quarter).
    if (mayHandleLayersAsRoot() && (await as_root_layersAsRoot())) {
        return applyAsRoot(input, dir, compression, logger);
    }
    const decode = layerDecoder(compression);
    const source = decode ? (0,external_node_stream_namespaceObject.pipeline)(input, decode, () => { }) : input;
    return applyLayer(source, dir, {
        whiteouts: 'overlay',
        compression: decode ? 'none' : compression,
        ...(logger ? { logger } : {}),
    });
}
/**
 * The decompressor for a layer blob (undefined when it is not compressed, or not known to be):
 * write the blob into it and hand it to `extractInto` as 'none'. It copies what it keeps of its
 * input, so a chunk written is free for reuse once its write callback has run.
 */
function layerDecoder(compression) {
    return compression === 'gzip' || compression === 'zstd' ? decompressor(compression) : undefined;
}
function checkDiffId(diffId, want, what) {
    if (diffId !== want) {
        throw new LighterError('ERR_DIGEST_MISMATCH', `${what}: the uncompressed layer is ${diffId}, but the image config says ${want}`, { details: { expected: want, actual: diffId } });
    }
}

;// CONCATENATED MODULE: ./.build/src/core/storage/layer-helper.js
// The layer helper: the blob worker module run as a program, through sudo, for a process that
// handles its layers as root (as-root.ts). Its last stderr line is the result or the error.
//
//   apply DIR COMPRESSION     a layer tar on stdin, applied into DIR (overlay whiteouts)
//   diff DIR OPTIONS-JSON     DIR as a layer on stdout (diffLayer's options)
//   unstub UPPER STUBS-JSON   empty mountpoint stubs removed from an upper dir
//   serve                     reads for a layer view, a JSON request a line on stdin and a
//                             JSON answer a line on stdout, until stdin ends (RootReader)








const warn = (message) => process.stderr.write(`${WARNING_PREFIX}${JSON.stringify(message)}\n`);
const warnings = {
    debug() { },
    info() { },
    warn,
    error: warn,
    group: (_title, fn) => fn(),
    secret() { },
};
async function runLayerHelper(argv) {
    const [op, dir, arg] = argv;
    if (op === 'serve') {
        await serve();
        return;
    }
    try {
        if (dir === undefined || arg === undefined)
            throw new Error(`usage: apply|diff|unstub DIR ARG`);
        let result;
        if (op === 'apply') {
            result = await extractInto(process.stdin, dir, arg, warnings);
        }
        else if (op === 'diff') {
            const options = JSON.parse(arg);
            const diff = diffLayer(dir, { ...options, logger: warnings });
            (0,external_node_stream_namespaceObject.pipeline)(diff.stream, process.stdout, () => { });
            result = await diff.done;
        }
        else if (op === 'unstub') {
            await removeEmptyStubs(dir, JSON.parse(arg));
            result = {};
        }
        else {
            throw new Error(`unknown operation ${String(op)}`);
        }
        process.stderr.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
    }
    catch (error) {
        const failure = {
            ...(isLighterError(error) ? { code: error.code } : {}),
            message: error instanceof Error ? error.message : String(error),
        };
        process.stderr.write(`${ERROR_PREFIX}${JSON.stringify(failure)}\n`);
        process.exitCode = 1;
    }
}
/** Answers RootReader's requests in order, each with its id; errors keep their errno code. */
async function serve() {
    const { createInterface } = process.getBuiltinModule('node:readline');
    for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
        if (line === '')
            continue;
        const request = JSON.parse(line);
        let answer;
        try {
            answer = { id: request.id, value: await answerRead(request) };
        }
        catch (error) {
            const code = error.code;
            answer = {
                id: request.id,
                error: {
                    ...(code ? { code } : {}),
                    message: error instanceof Error ? error.message : String(error),
                },
            };
        }
        if (!process.stdout.write(`${JSON.stringify(answer)}\n`)) {
            await new Promise((resolve) => process.stdout.once('drain', resolve));
        }
    }
}
async function answerRead(request) {
    const { lstat, readdir, readlink, open } = process.getBuiltinModule('node:fs/promises');
    const { path } = request;
    switch (request.op) {
        case 'lstat': {
            const st = await lstat(path);
            const fields = {};
            for (const key of STAT_FIELDS)
                fields[key] = st[key];
            return fields;
        }
        case 'readdir':
            return readdir(path);
        case 'readlink':
            return readlink(path);
        case 'read': {
            const file = await open(path, 'r');
            try {
                const buffer = Buffer.alloc(request.length ?? 0);
                const { bytesRead } = await file.read(buffer, 0, buffer.length, request.offset ?? 0);
                return buffer.subarray(0, bytesRead).toString('base64');
            }
            finally {
                await file.close();
            }
        }
        case 'opaque': {
            const { byPath } = await readXattrTree(path);
            const opaque = [];
            for (const [rel, attrs] of byPath) {
                if (attrs.some(([name, value]) => OPAQUE_XATTRS.has(name) && value.toString('latin1') === 'y')) {
                    opaque.push(rel);
                }
            }
            return opaque;
        }
        default:
            throw new Error(`unknown request ${String(request.op)}`);
    }
}

;// CONCATENATED MODULE: ./.build/src/core/storage/blob-worker.js
// The worker side of a blob being written: follows the temp file as it grows, hashing it and (for a layer) unpacking it, off the main thread.
// Run as a program instead of a worker, it is the layer helper (layer-helper.ts).







const READ_SIZE = 1024 * 1024;
/** Reads that may be on their way to the unpacker, not yet taken by it. */
const READ_AHEAD = 4;
/** Until a message (or a buffer given back, or the sink closing) wakes the follow. */
function sleep(follow) {
    return new Promise((resolve) => {
        follow.wake = resolve;
    });
}
function wake(follow) {
    const wake = follow.wake;
    follow.wake = undefined;
    wake?.();
}
/** Read buffers given back, for any blob's next reads (a pull follows several at once). */
const spare = [];
const SPARE_MAX = 2 * READ_AHEAD;
/**
 * Up to `max` read buffers lent to a decompressor, each free again once its write callback has
 * run (it has consumed the bytes). A fresh megabyte per read instead made the worker's heap
 * run a full garbage collection every 64 MiB or so of layer, and fault in new pages.
 */
class ReadBuffers {
    #max;
    #onFree;
    #lent = 0;
    constructor(max, onFree) {
        this.#max = max;
        this.#onFree = onFree;
    }
    /** A free buffer, or undefined while `max` are lent. */
    take() {
        if (this.#lent >= this.#max)
            return undefined;
        this.#lent++;
        return spare.pop() ?? Buffer.allocUnsafe(READ_SIZE);
    }
    give(buffer) {
        this.#lent--;
        if (spare.length < SPARE_MAX)
            spare.push(buffer);
        this.#onFree();
    }
}
function describe(err) {
    return {
        ...(isLighterError(err) ? { code: err.code } : {}),
        message: err instanceof Error ? err.message : String(err),
    };
}
const port = external_node_worker_threads_namespaceObject.parentPort;
// Run as a program (`node blob-worker.js OP ...`), not merely imported by something else.
if (!port && /blob-worker\.[jt]s$/.test(process.argv[1] ?? '')) {
    void runLayerHelper(process.argv.slice(2));
}
if (port) {
    port.postMessage({ op: 'ready' });
    const follows = new Map();
    port.on('message', (m) => {
        if (m.op === 'start') {
            const follow = { known: 0, ended: false, aborted: false };
            follows.set(m.id, follow);
            run(m, follow)
                .catch((err) => {
                port.postMessage({ op: 'failed', id: m.id, error: describe(err) });
            })
                .finally(() => {
                follows.delete(m.id);
                port.postMessage({ op: 'closed', id: m.id });
            });
            return;
        }
        const follow = follows.get(m.id);
        if (!follow)
            return;
        if (m.op === 'grow' || m.op === 'end') {
            follow.known = Math.max(follow.known, m.size);
            if (m.op === 'end')
                follow.ended = true;
        }
        else {
            follow.aborted = true;
        }
        wake(follow);
    });
    async function run(m, follow) {
        const send = (reply) => port?.postMessage(reply);
        const ownFd = m.fd === undefined;
        const fd = m.fd ?? (0,external_node_fs_namespaceObject.openSync)(m.file, 'r');
        const hash = m.hash ? (0,external_node_crypto_namespaceObject.createHash)('sha256') : undefined;
        let input;
        let unpacking;
        // A compressed layer's reads go straight into its decompressor, which copies them: its
        // buffers are reused. Uncompressed bytes become the tar reader's file data, so each read
        // gets a buffer of its own.
        let buffers;
        if (m.unpackDir !== undefined) {
            const dir = m.unpackDir;
            const compression = m.compression ?? 'auto';
            const decoder = layerDecoder(compression);
            const stream = decoder ?? new external_node_stream_namespaceObject.PassThrough({ highWaterMark: READ_AHEAD * READ_SIZE });
            if (decoder)
                buffers = new ReadBuffers(READ_AHEAD, () => wake(follow));
            // Whatever waits for the sink also waits for its end.
            stream.on('close', () => wake(follow));
            input = stream;
            unpacking = extractInto(stream, dir, decoder ? 'none' : compression, undefined).then((applied) => send({ op: 'unpacked', id: m.id, diffId: applied.diffId }), (err) => {
                // The blob is still hashed to the end: a bad tar is no reason to lose the download.
                input = undefined;
                send({ op: 'unpacked', id: m.id, error: describe(err) });
            });
        }
        let offset = 0;
        let scratch;
        try {
            for (;;) {
                if (follow.aborted) {
                    input?.destroy(new Error('the blob write was abandoned'));
                    await unpacking;
                    return;
                }
                const sink = input && !input.destroyed ? input : undefined;
                if (offset < follow.known) {
                    const lend = sink !== undefined && buffers !== undefined;
                    let chunk;
                    // Read only to be hashed: one buffer does.
                    if (!sink)
                        chunk = scratch ??= Buffer.allocUnsafe(READ_SIZE);
                    else if (lend)
                        chunk = buffers?.take();
                    else
                        chunk = Buffer.allocUnsafe(Math.min(READ_SIZE, follow.known - offset));
                    if (!chunk) {
                        // Every buffer is in the decompressor: read on once it gives one back.
                        await sleep(follow);
                        continue;
                    }
                    const n = (0,external_node_fs_namespaceObject.readSync)(fd, chunk, 0, Math.min(chunk.length, follow.known - offset), offset);
                    if (n === 0)
                        throw new Error(`${m.file} is shorter than announced`);
                    const data = n === chunk.length ? chunk : chunk.subarray(0, n);
                    offset += n;
                    hash?.update(data);
                    if (!sink)
                        continue;
                    if (lend) {
                        sink.write(data, () => buffers?.give(chunk));
                    }
                    else if (!sink.write(data)) {
                        await new Promise((resolve) => {
                            const done = () => {
                                sink.off('drain', done);
                                sink.off('close', done);
                                resolve();
                            };
                            sink.on('drain', done);
                            sink.on('close', done);
                        });
                    }
                    continue;
                }
                if (follow.ended)
                    break;
                await sleep(follow);
            }
        }
        finally {
            if (ownFd)
                (0,external_node_fs_namespaceObject.closeSync)(fd);
        }
        send({ op: 'read', id: m.id, ...(hash ? { hex: hash.digest('hex') } : {}), size: offset });
        if (input && !input.destroyed)
            input.end();
        await unpacking;
    }
}

