import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import TestUtils from '@tarojs/test-utils-react'
import { ERROR_MESSAGES } from '@domain/errors'
import { call } from '@/services/cloud'
import { failedMessage, useAction } from '@/services/useAction'
import { agreePrivacy, byId, byTestId, jsonResponse, resetApp, signIn, stubFetch, waitFor, type FakeResponse } from '../setup/app'

const testUtils = new TestUtils()
const tap = (id: string) => testUtils.fireEvent.click(byId(id)!)

/**
 * A 撤回 tap as a page writes it: the real client (contract check, fetch) behind the hook. The tap
 * target is a plain View, not a disabled button, so a second tap reaches the hook and only the hook
 * can refuse it. `broken` makes the task throw something that is not a CloudError.
 */
function Withdraw({ broken = false, inline = false }: { broken?: boolean; inline?: boolean }) {
  const [shown, setShown] = useState('')
  const [problem, setProblem] = useState('')
  const { busy, run } = useAction('撤回', inline ? { inline: (failure) => setProblem(failure.message) } : {})
  const withdraw = async () => {
    const result = await run(async () => {
      if (broken) throw new TypeError('x is undefined')
      return call('transfer', 'withdraw', { transferId: 't-1' })
    })
    setShown(result ? `已撤回 ${result.id}` : '没有结果')
  }
  return (
    <View>
      <View id='withdraw' onClick={() => void withdraw()}>
        撤回
      </View>
      <Text data-testid='busy'>{busy ? 'busy' : 'idle'}</Text>
      <Text data-testid='shown'>{shown}</Text>
      <Text data-testid='problem'>{problem}</Text>
    </View>
  )
}

/** The cloud's answer to withdraw, held until `answer` is called. */
function heldCloud(body: () => unknown) {
  const sent: string[] = []
  let answer: () => void = () => undefined
  stubFetch((_url, init) => {
    sent.push((JSON.parse(String(init?.body)) as { action: string }).action)
    return new Promise<FakeResponse>((resolve) => {
      answer = () => resolve(jsonResponse(body()))
    })
  })
  return { sent, answer: () => answer() }
}

const transfer = { id: 't-1', status: 'withdrawn' }

beforeEach(() => {
  resetApp()
  signIn()
  agreePrivacy()
  jest.spyOn(Taro, 'showToast').mockResolvedValue(undefined as never)
})
afterEach(() => {
  jest.restoreAllMocks()
  testUtils.unmout()
  document.body.innerHTML = ''
})

describe('useAction: a cloud call started by a tap', () => {
  it('answers the result on success, busy only while the call runs, and shows no error', async () => {
    const cloud = heldCloud(() => ({ ok: true, data: transfer }))
    await testUtils.mount(Withdraw)
    expect(byTestId('busy')?.textContent).toBe('idle')
    tap('withdraw')
    await waitFor(() => expect(byTestId('busy')?.textContent).toBe('busy'))
    cloud.answer()
    await waitFor(() => expect(byTestId('shown')?.textContent).toBe('已撤回 t-1'))
    expect(byTestId('busy')?.textContent).toBe('idle')
    expect(cloud.sent).toEqual(['withdraw'])
    expect(Taro.showToast).not.toHaveBeenCalled()
  })

  it('a second tap while the first call runs sends nothing; once it is answered, a tap sends again', async () => {
    const cloud = heldCloud(() => ({ ok: true, data: transfer }))
    await testUtils.mount(Withdraw)
    tap('withdraw')
    tap('withdraw')
    await waitFor(() => expect(cloud.sent).toEqual(['withdraw']))
    tap('withdraw')
    cloud.answer()
    await waitFor(() => expect(byTestId('busy')?.textContent).toBe('idle'))
    expect(cloud.sent).toEqual(['withdraw'])

    tap('withdraw')
    await waitFor(() => expect(cloud.sent).toEqual(['withdraw', 'withdraw']))
  })

  it("shows the cloud's own Chinese message in a toast, answers nothing, and lets the person try again", async () => {
    const cloud = heldCloud(() => ({ ok: false, error: { code: 'TRANSFER_STATE', message: ERROR_MESSAGES.TRANSFER_STATE } }))
    await testUtils.mount(Withdraw)
    tap('withdraw')
    await waitFor(() => expect(cloud.sent).toHaveLength(1))
    cloud.answer()
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: ERROR_MESSAGES.TRANSFER_STATE, icon: 'none' })))
    await waitFor(() => expect(byTestId('shown')?.textContent).toBe('没有结果'))
    expect(byTestId('busy')?.textContent).toBe('idle')
  })

  it('a failure that is not the cloud’s says what failed and that nothing was lost, never the English text', async () => {
    await testUtils.mount(() => <Withdraw broken />)
    tap('withdraw')
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: failedMessage('撤回') })))
    expect(failedMessage('撤回')).toMatch(/^撤回.*内容都还在/)
    expect(JSON.stringify((Taro.showToast as jest.Mock).mock.calls)).not.toContain('undefined')
  })

  it('a page that shows failures itself gets the message and no toast', async () => {
    stubFetch(async () => jsonResponse({ ok: false, error: { code: 'NETWORK', message: ERROR_MESSAGES.NETWORK } }))
    await testUtils.mount(() => <Withdraw inline />)
    tap('withdraw')
    await waitFor(() => expect(byTestId('problem')?.textContent).toBe(ERROR_MESSAGES.NETWORK))
    expect(Taro.showToast).not.toHaveBeenCalled()
  })
})
