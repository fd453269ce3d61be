import { parseSubscribeTemplates, subscribeData, subscribeTime } from '../../domain/subscribe'

const JOIN = { id: 'tmpl-join', keys: { result: 'phrase1', union: 'thing2', note: 'thing3', time: 'time4' } }

describe('subscribe-message configuration', () => {
  it('reads nothing as no pushes, and a good configuration as given', () => {
    expect(parseSubscribeTemplates(undefined)).toEqual({})
    expect(parseSubscribeTemplates('  ')).toEqual({})
    expect(parseSubscribeTemplates(JSON.stringify({ joinResult: JOIN }))).toEqual({ joinResult: JOIN })
  })

  it('refuses a malformed configuration loudly instead of silently never pushing', () => {
    expect(() => parseSubscribeTemplates('{not json')).toThrow()
    expect(() => parseSubscribeTemplates(JSON.stringify({ joinResult: { id: '', keys: {} } }))).toThrow(/malformed/)
    expect(() => parseSubscribeTemplates(JSON.stringify({ unknownTopic: JOIN }))).toThrow(/malformed/)
    expect(() => parseSubscribeTemplates(JSON.stringify({ joinResult: { ...JOIN, keys: { result: 'colour1' } } }))).toThrow(/malformed/)
    expect(() => parseSubscribeTemplates(JSON.stringify({ aidProgress: { id: 't', keys: { union: 'thing1' } } }))).toThrow(/unknown field "union"/)
  })
})

describe('subscribeData', () => {
  it("puts each field under the template's key and keeps it within WeChat's limit for that key type", () => {
    const data = subscribeData(JOIN, { result: '审核未通过了', union: '呼和浩特市新城区某某某某街道快递物流行业联合工会', note: '请补充  工作单位', time: '2026-11-23 16:05' })
    expect(data).toEqual({
      phrase1: { value: '审核未通过' },
      thing2: { value: '呼和浩特市新城区某某某某街道快递物流行…' },
      thing3: { value: '请补充 工作单位' },
      time4: { value: '2026-11-23 16:05' },
    })
    expect(Array.from(data.thing2.value)).toHaveLength(20)
  })

  it('leaves out fields that have no value', () => {
    expect(subscribeData(JOIN, { result: '已通过' })).toEqual({ phrase1: { value: '已通过' } })
  })

  it('writes times in China time whatever the zone', () => {
    expect(subscribeTime(new Date('2026-11-23T16:30:00.000Z'))).toBe('2026-11-24 00:30')
  })
})
